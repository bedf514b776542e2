import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import type { RequestOutput } from '../../../shared/api';
import { api } from '../api';
import { Notice, type NoticeState } from './Notice';
import { downloadFile, readFile } from '../files';

const KIND = { auto: 'Tự động', safety: 'Trước khi khôi phục', other: 'Khác' } as const;

/** Where the data is, the automatic daily copies, and "Sao lưu" / "Khôi phục" by hand. */
export function BackupPanel() {
  const [info, setInfo] = useState<RequestOutput<'getBackups'>>();
  const [keep, setKeep] = useState('');
  const [message, setMessage] = useState<NoticeState>();
  const reload = useCallback(async () => {
    const i = await api.getBackups({});
    setInfo(i);
    setKeep(String(i.keep));
  }, []);
  useEffect(() => {
    reload().catch((err: Error) => setMessage({ severity: 'error', text: err.message }));
  }, [reload]);
  const guard = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      setMessage({ severity: 'error', text: (err as Error).message });
    }
  };
  async function backup() {
    const result = await api.makeBackup({});
    if (result.file) downloadFile(result.file);
    if (result.path || result.file) setMessage({ severity: 'success', text: result.path ? `Đã sao lưu vào ${result.path}.` : 'Đã tạo bản sao lưu (tệp tải về).' });
  }
  async function restore(picked?: File) {
    if (!window.confirm('Khôi phục sẽ thay toàn bộ dữ liệu hiện tại bằng dữ liệu trong tệp sao lưu (dữ liệu hiện tại được giữ một bản sao). Tiếp tục?')) return;
    const file = picked ? await readFile(picked) : null;
    const result = await api.restoreFromBackup({ file });
    if (result.restored) {
      setMessage({ severity: 'success', text: `Đã khôi phục. Dữ liệu trước khi khôi phục được giữ tại: ${result.safetyCopy ?? '(không có)'}. Hãy mở lại các trang đang xem.` });
      await reload();
    }
  }
  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <Typography>
        Mỗi ngày, lần đầu mở ứng dụng, NoiVu Desk tự sao lưu toàn bộ dữ liệu vào thư mục <code>{info?.folder}</code> và giữ lại các bản mới nhất.
      </Typography>
      <Notice notice={message} onClose={() => setMessage(undefined)} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField sx={{ width: 240 }} type="number" label="Số bản tự động giữ lại" value={keep} onChange={(e) => setKeep(e.target.value)} />
        <Button onClick={() => void guard(async () => (await api.setBackupKeep({ keep: Number(keep) }), setMessage({ severity: 'success', text: 'Đã lưu.' })))}>Lưu</Button>
      </Stack>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => void guard(backup)}>
          Sao lưu ngay…
        </Button>
        {window.noivu ? (
          <Button variant="outlined" color="warning" onClick={() => void guard(() => restore())}>
            Khôi phục từ tệp…
          </Button>
        ) : (
          <Button component="label" variant="outlined" color="warning">
            Khôi phục từ tệp…
            <input hidden type="file" accept=".sqlite,.db" aria-label="Tệp sao lưu" onChange={(e) => void guard(() => restore(e.target.files?.[0]))} />
          </Button>
        )}
      </Stack>
      <Paper variant="outlined">
        <Table size="small" aria-label="Các bản sao lưu">
          <TableHead>
            <TableRow>
              <TableCell>Tệp</TableCell>
              <TableCell>Loại</TableCell>
              <TableCell>Thời điểm</TableCell>
              <TableCell align="right">Dung lượng</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {info?.backups.length === 0 && (
              <TableRow>
                <TableCell colSpan={4}>
                  <Typography color="text.secondary">Chưa có bản sao lưu nào.</Typography>
                </TableCell>
              </TableRow>
            )}
            {info?.backups.map((b) => (
              <TableRow key={b.file}>
                <TableCell>{b.name}</TableCell>
                <TableCell>{KIND[b.kind]}</TableCell>
                <TableCell>{new Date(b.modifiedAt).toLocaleString('vi-VN')}</TableCell>
                <TableCell align="right">{(b.bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 0 })} KB</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </Stack>
  );
}
