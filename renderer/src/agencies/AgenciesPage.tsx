import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { AGENCY_TIERS, AGENCY_TIER_IDS, type Agency, type AgencyInput, type AgencyTier } from '../../../shared/agencies';
import { formatVnDate } from '../../../shared/dates';
import { api } from '../api';
import { Notice, type NoticeState } from '../components/Notice';
import { downloadFile } from '../files';
import { AgencyDialog, NEW_AGENCY } from './AgencyDialog';
import { GroupsPanel } from './GroupsPanel';
import { ImportDialog } from './ImportDialog';

function toInput(a: Agency): AgencyInput {
  const { active: _a, references: _r, ...input } = a;
  return input;
}

function AgencyTable() {
  const [query, setQuery] = useState('');
  const [tier, setTier] = useState<AgencyTier | ''>('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [byProtocol, setByProtocol] = useState(false);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [all, setAll] = useState<Agency[]>([]);
  const [editing, setEditing] = useState<AgencyInput>();
  const [importing, setImporting] = useState(false);
  const [message, setMessage] = useState<NoticeState>();

  const reload = useCallback(async () => {
    try {
      const [found, everything] = await Promise.all([
        api.listAgencies({ query, tier: tier || null, includeInactive }),
        api.listAgencies({ query: '', tier: null, includeInactive: true }),
      ]);
      setAgencies(found);
      setAll(everything);
    } catch (err) {
      setMessage({ severity: 'error', text: (err as Error).message });
    }
  }, [query, tier, includeInactive]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage({ severity: 'success', text: done });
      await reload();
    } catch (err) {
      setMessage({ severity: 'error', text: (err as Error).message });
    }
  };

  const rows = byProtocol ? [...agencies].sort((a, b) => a.protocolOrder - b.protocolOrder) : agencies;
  const nameOf = (id: number | null) => all.find((a) => a.id === id)?.shortName;

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }} useFlexGap>
        <TextField
          sx={{ width: 340 }}
          label="Tìm cơ quan"
          placeholder="Gõ có dấu hoặc không dấu, ví dụ: so noi vu"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          slotProps={{ htmlInput: { 'aria-label': 'Tìm cơ quan' } }}
        />
        <TextField select sx={{ width: 260 }} label="Loại" value={tier} onChange={(e) => setTier(e.target.value as AgencyTier | '')}>
          <MenuItem value="">Tất cả các loại</MenuItem>
          {AGENCY_TIER_IDS.map((id) => (
            <MenuItem key={id} value={id}>
              {AGENCY_TIERS[id]}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel control={<Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />} label="Hiện cả cơ quan ngừng sử dụng" />
        <FormControlLabel control={<Checkbox checked={byProtocol} onChange={(e) => setByProtocol(e.target.checked)} />} label="Xếp theo thứ tự Nơi nhận" />
      </Stack>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing(NEW_AGENCY)}>
          Thêm cơ quan
        </Button>
        <Button variant="outlined" onClick={() => setImporting(true)}>
          Nhập từ Excel/CSV
        </Button>
        <Button variant="outlined" onClick={() => void api.exportAgencies({}).then(downloadFile)}>
          Xuất Excel
        </Button>
      </Stack>
      <Notice notice={message} onClose={() => setMessage(undefined)} />
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="Danh mục cơ quan">
          <TableHead>
            <TableRow>
              <TableCell>Tên viết gọn</TableCell>
              <TableCell>Tên đầy đủ</TableCell>
              <TableCell>Viết tắt</TableCell>
              <TableCell>Loại</TableCell>
              <TableCell align="right" sx={{ whiteSpace: "nowrap" }}>Thứ tự</TableCell>
              <TableCell>Trạng thái</TableCell>
              <TableCell align="right">Thao tác</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>
                  <Typography color="text.secondary">
                    {query || tier ? 'Không có cơ quan nào khớp.' : 'Chưa có cơ quan nào. Thêm từng cơ quan, nhập từ tệp, hoặc nạp dữ liệu mẫu trong Cài đặt.'}
                  </Typography>
                </TableCell>
              </TableRow>
            )}
            {rows.map((a) => (
              <TableRow key={a.id} hover sx={{ opacity: a.active ? 1 : 0.6 }}>
                <TableCell sx={{ fontWeight: 600 }}>{a.shortName}</TableCell>
                <TableCell>{a.fullName}</TableCell>
                <TableCell>{a.abbreviation}</TableCell>
                <TableCell>{AGENCY_TIERS[a.tier]}</TableCell>
                <TableCell align="right">{a.protocolOrder}</TableCell>
                <TableCell>
                  {a.active ? <Chip size="small" label="Đang sử dụng" color="success" variant="outlined" /> : <Chip size="small" label="Ngừng sử dụng" />}
                  {a.replacedById !== null && (
                    <Typography variant="caption" component="div">
                      Thay bằng: {nameOf(a.replacedById)}
                      {a.validTo ? ` từ ${formatVnDate(a.validTo)}` : ''}
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => setEditing(toInput(a))} aria-label={`Sửa ${a.shortName}`}>
                    Sửa
                  </Button>
                  <Button size="small" onClick={() => void act(() => api.setAgencyActive({ id: a.id, active: !a.active }), a.active ? `Đã ngừng sử dụng "${a.shortName}".` : `Đã dùng lại "${a.shortName}".`)}>
                    {a.active ? 'Ngừng' : 'Dùng lại'}
                  </Button>
                  <Button
                    size="small"
                    color="error"
                    aria-label={`Xóa ${a.shortName}`}
                    onClick={() => {
                      if (window.confirm(`Xóa hẳn "${a.shortName}"?`)) void act(() => api.deleteAgency({ id: a.id }), `Đã xóa "${a.shortName}".`);
                    }}
                  >
                    Xóa
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Typography variant="caption" color="text.secondary">
        {rows.length} cơ quan. Cơ quan đã được dùng trong danh sách, nhiệm vụ hoặc báo cáo không xóa được, chỉ ngừng sử dụng.
      </Typography>
      {editing && (
        <AgencyDialog
          initial={editing}
          agencies={all}
          onClose={() => setEditing(undefined)}
          onSaved={(a) => {
            setEditing(undefined);
            setMessage({ severity: 'success', text: `Đã lưu "${a.shortName}".` });
            void reload();
          }}
        />
      )}
      {importing && (
        <ImportDialog
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false);
            setMessage({ severity: 'success', text: 'Đã nhập danh mục cơ quan.' });
            void reload();
          }}
        />
      )}
    </Stack>
  );
}

export function AgenciesPage() {
  const [tab, setTab] = useState<'agencies' | 'groups'>('agencies');
  return (
    <Box>
      <Typography variant="h5" component="h1" gutterBottom>
        Cơ quan
      </Typography>
      <Tabs value={tab} onChange={(_e, v) => setTab(v)} sx={{ mb: 2 }}>
        <Tab value="agencies" label="Danh mục cơ quan" />
        <Tab value="groups" label="Nhóm cơ quan" />
      </Tabs>
      {tab === 'agencies' ? <AgencyTable /> : <GroupsPanel />}
    </Box>
  );
}
