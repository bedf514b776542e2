import AddIcon from '@mui/icons-material/Add';
import BlockIcon from '@mui/icons-material/Block';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import RestoreIcon from '@mui/icons-material/Restore';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { GridActionsCellItem, type GridSortModel } from '@mui/x-data-grid';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AGENCY_TIERS, AGENCY_TIER_IDS, type Agency, type AgencyInput, type AgencyTier } from '../../../shared/agencies';
import { formatVnDate } from '../../../shared/dates';
import { api } from '../api';
import { ListGrid, vnColumns } from '../components/ListGrid';
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
  // "Xếp theo thứ tự Nơi nhận" is the grid's sort by Thứ tự; with no sort, the backend's Vietnamese name order.
  const [sortModel, setSortModel] = useState<GridSortModel>([]);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [all, setAll] = useState<Agency[]>([]);
  const [editing, setEditing] = useState<AgencyInput>();
  const [importing, setImporting] = useState(false);
  const [message, setMessage] = useState<NoticeState>();

  const reload = useCallback(async () => {
    try {
      const [found, everything] = await Promise.all([
        api.listAgencies({ query: '', tier: tier || null, includeInactive }),
        api.listAgencies({ query: '', tier: null, includeInactive: true }),
      ]);
      setAgencies(found);
      setAll(everything);
    } catch (err) {
      setMessage({ severity: 'error', text: (err as Error).message });
    }
  }, [tier, includeInactive]);

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

  const byProtocol = sortModel.length === 1 && sortModel[0]!.field === 'protocolOrder' && sortModel[0]!.sort === 'asc';
  const nameOf = (id: number | null) => all.find((a) => a.id === id)?.shortName;
  const actions = useRef({ act, setEditing });
  actions.current = { act, setEditing };
  const toggleActive = (a: Agency) =>
    void actions.current.act(() => api.setAgencyActive({ id: a.id, active: !a.active }), a.active ? `Đã ngừng sử dụng "${a.shortName}".` : `Đã dùng lại "${a.shortName}".`);
  const remove = (a: Agency) => {
    if (window.confirm(`Xóa hẳn "${a.shortName}"?`)) void actions.current.act(() => api.deleteAgency({ id: a.id }), `Đã xóa "${a.shortName}".`);
  };
  // Built again only when the agencies change (for "Thay bằng"); the row actions read the latest handlers through `actions`.
  const columns = useMemo(() => vnColumns<Agency>([
    { field: 'shortName', headerName: 'Tên viết gọn', flex: 1, minWidth: 180, cellClassName: 'strong' },
    { field: 'fullName', headerName: 'Tên đầy đủ', flex: 1.4, minWidth: 220 },
    { field: 'abbreviation', headerName: 'Viết tắt', width: 90 },
    { field: 'tier', headerName: 'Loại', width: 170, valueGetter: (_v, a) => AGENCY_TIERS[a.tier] },
    { field: 'protocolOrder', headerName: 'Thứ tự', type: 'number', width: 80, valueFormatter: (n: number) => String(n) },
    {
      field: 'active',
      headerName: 'Trạng thái',
      width: 190,
      valueGetter: (_v, a) => (a.active ? 'Đang sử dụng' : 'Ngừng sử dụng'),
      searchText: (a) => [a.active ? 'Đang sử dụng' : 'Ngừng sử dụng', a.replacedById !== null ? `Thay bằng: ${nameOf(a.replacedById) ?? ''}` : ''].join(' '),
      renderCell: ({ row: a }) => (
        <Box>
          {a.active ? <Chip size="small" label="Đang sử dụng" color="success" variant="outlined" /> : <Chip size="small" label="Ngừng sử dụng" />}
          {a.replacedById !== null && (
            <Typography variant="caption" component="div">
              Thay bằng: {nameOf(a.replacedById)}
              {a.validTo ? ` từ ${formatVnDate(a.validTo)}` : ''}
            </Typography>
          )}
        </Box>
      ),
    },
    {
      field: 'actions',
      type: 'actions',
      headerName: 'Thao tác',
      width: 130,
      getActions: ({ row: a }) => [
        <GridActionsCellItem key="edit" icon={<EditIcon />} label={`Sửa ${a.shortName}`} title="Sửa" onClick={() => actions.current.setEditing(toInput(a))} />,
        <GridActionsCellItem
          key="active"
          icon={a.active ? <BlockIcon /> : <RestoreIcon />}
          label={a.active ? `Ngừng sử dụng ${a.shortName}` : `Dùng lại ${a.shortName}`}
          title={a.active ? 'Ngừng sử dụng' : 'Dùng lại'}
          onClick={() => toggleActive(a)}
        />,
        <GridActionsCellItem key="delete" icon={<DeleteIcon />} label={`Xóa ${a.shortName}`} title="Xóa" onClick={() => remove(a)} />,
      ],
    },
  ]), [all]);

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
        <FormControlLabel control={<Checkbox checked={byProtocol} onChange={(e) => setSortModel(e.target.checked ? [{ field: 'protocolOrder', sort: 'asc' }] : [])} />} label="Xếp theo thứ tự Nơi nhận" />
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
      <ListGrid<Agency>
        aria-label="Danh mục cơ quan"
        offset={345}
        rows={agencies}
        columns={columns}
        quickFilter={query}
        sortModel={sortModel}
        onSortModelChange={setSortModel}
        getRowHeight={() => 'auto'}
        getRowClassName={({ row }) => (row.active ? '' : 'inactive')}
        emptyText={tier || includeInactive ? 'Không có cơ quan nào khớp.' : 'Chưa có cơ quan nào. Thêm từng cơ quan, nhập từ tệp, hoặc nạp dữ liệu mẫu trong Cài đặt.'}
        onOpen={(a) => setEditing(toInput(a))}
        sx={{ '& .inactive': { opacity: 0.6 }, '& .strong': { fontWeight: 600 }, '& .MuiDataGrid-cell': { py: 0.5 } }}
      />
      <Typography variant="caption" color="text.secondary">
        {agencies.length} cơ quan. Cơ quan đã được dùng trong danh sách, nhiệm vụ hoặc báo cáo không xóa được, chỉ ngừng sử dụng.
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
