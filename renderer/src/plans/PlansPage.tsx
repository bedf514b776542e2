import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { formatVnDate, localDayOf } from '../../../shared/dates';
import type { IndexDefinition } from '../../../shared/indices';
import type { PlanSummary } from '../../../shared/plans';
import { api } from '../api';
import { ListGrid, vnColumns } from '../components/ListGrid';
import { markBlank } from '../record/blankDrafts';
import { href } from '../router';

const statusText = (p: PlanSummary) => (p.status === 'issued' ? `Số ${p.number}, ${formatVnDate(p.issuedDate)}` : 'Dự thảo');

export function PlansPage() {
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [indices, setIndices] = useState<IndexDefinition[]>([]);
  const [loading, setLoading] = useState(true);
  const [query, setQuery] = useState('');
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    Promise.all([api.listPlans({}), api.listIndices({})]).then(
      ([p, i]) => {
        setPlans(p);
        setIndices(i);
        setLoading(false);
      },
      (err: Error) => {
        setFailure(err.message);
        setLoading(false);
      },
    );
  }, []);
  async function create() {
    try {
      const plan = await api.createBlankPlan({ year: new Date().getFullYear() });
      markBlank({ recordType: 'plan', id: plan.id }, plan.revision);
      window.location.hash = href(`ke-hoach/${plan.id}`);
    } catch (err) {
      setFailure((err as Error).message);
    }
  }
  const columns = useMemo(() => {
    const byId = new Map(plans.map((p) => [p.id, p]));
    const indexOf = (p: PlanSummary) => [indices.find((i) => i.id === p.indexId)?.code, p.indexYear].filter(Boolean).join(' ');
    return vnColumns<PlanSummary>([
      {
        field: 'title',
        headerName: 'Trích yếu',
        flex: 1,
        minWidth: 300,
        renderCell: ({ row }) => (
          <Link href={href(`ke-hoach/${row.id}`)} tabIndex={-1}>
            {row.title}
          </Link>
        ),
      },
      { field: 'index', headerName: 'Chỉ số', width: 130, valueGetter: (_v, row) => indexOf(row) },
      { field: 'taskCount', headerName: 'Nhiệm vụ', type: 'number', width: 100 },
      {
        field: 'status',
        headerName: 'Trạng thái',
        width: 190,
        valueGetter: (_v, row) => statusText(row),
        // issued first (by number), then drafts
        sortComparator: (_a, _b, x, y) => {
          const [a, b] = [byId.get(x.id as number)!, byId.get(y.id as number)!];
          return (a.status === 'issued' ? 0 : 1) - (b.status === 'issued' ? 0 : 1) || (a.number ?? 0) - (b.number ?? 0);
        },
        renderCell: ({ row }) => <Chip size="small" color={row.status === 'issued' ? 'success' : 'default'} label={statusText(row)} />,
      },
      {
        field: 'updatedAt',
        headerName: 'Cập nhật',
        width: 120,
        sortComparator: (a: string, b: string) => a.localeCompare(b),
        valueFormatter: (value: string) => formatVnDate(localDayOf(value)),
        searchText: (row) => formatVnDate(localDayOf(row.updatedAt)),
      },
    ]);
  }, [indices, plans]);
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        Kế hoạch
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button variant="contained" onClick={() => void create()}>
          Tạo kế hoạch mới
        </Button>
        <Button href={href('chi-so')}>Tạo từ các chỉ số giảm điểm…</Button>
        <TextField
          size="small"
          sx={{ width: 360, ml: 'auto !important' }}
          label="Tìm kế hoạch"
          placeholder="Gõ có dấu hoặc không dấu, ví dụ: papi 2022"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </Stack>
      {failure && <Alert severity="error">{failure}</Alert>}
      <ListGrid<PlanSummary>
        aria-label="Danh sách kế hoạch"
        offset={210}
        rows={plans}
        columns={columns}
        loading={loading}
        quickFilter={query}
        onOpen={(p) => (window.location.hash = href(`ke-hoach/${p.id}`))}
        emptyText="Chưa có kế hoạch nào."
      />
    </Stack>
  );
}
