import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { api } from '../api';
import { BackupPanel } from '../components/BackupPanel';
import { IssuersPanel } from '../components/IssuersPanel';
import { Notice, type NoticeState } from '../components/Notice';
import { SignerProfilesPanel } from '../components/SignerProfilesPanel';

function SampleDataPanel() {
  const [result, setResult] = useState<NoticeState>();
  const [busy, setBusy] = useState(false);
  async function load() {
    setBusy(true);
    try {
      const r = await api.loadSampleAgencies({});
      setResult({ severity: 'success', text: `Đã nạp ${r.agencies} cơ quan, ${r.groups} nhóm, ${r.lists} danh sách nơi nhận (bỏ qua những gì đã có).` });
    } catch (err) {
      setResult({ severity: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack spacing={2} sx={{ maxWidth: 720 }}>
      <Typography>
        Nạp các cơ quan có trong văn bản mẫu của tỉnh Bắc Kạn (Chỉ thị 04/CT-UBND năm 2024, Kế hoạch PAPI 2022, công văn của UBND thành phố Bắc
        Kạn), ba nhóm cơ quan và danh sách Nơi nhận của Kế hoạch. Dùng để làm quen hoặc làm điểm xuất phát; có thể sửa hoặc ngừng sử dụng sau.
        Cơ quan đã có (trùng tên đầy đủ) được giữ nguyên.
      </Typography>
      <div>
        <Button variant="outlined" disabled={busy} onClick={() => void load()}>
          Nạp dữ liệu mẫu
        </Button>
      </div>
      <Notice notice={result} onClose={() => setResult(undefined)} />
    </Stack>
  );
}

export function SettingsPage() {
  const [tab, setTab] = useState<'issuer' | 'signers' | 'backup' | 'sample'>('issuer');
  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        Cài đặt
      </Typography>
      <Tabs value={tab} onChange={(_e, v) => setTab(v)} sx={{ mb: 2 }} aria-label="Các mục cài đặt">
        <Tab value="issuer" label="Cơ quan ban hành" />
        <Tab value="signers" label="Người ký" />
        <Tab value="backup" label="Sao lưu" />
        <Tab value="sample" label="Dữ liệu mẫu" />
      </Tabs>
      {tab === 'issuer' && <IssuersPanel />}
      {tab === 'signers' && <SignerProfilesPanel />}
      {tab === 'backup' && <BackupPanel />}
      {tab === 'sample' && <SampleDataPanel />}
    </>
  );
}
