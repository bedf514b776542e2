import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { formatVnDate, localDayOf } from '../../../shared/dates';
import type { IndexDefinition } from '../../../shared/indices';
import type { PlanSummary } from '../../../shared/plans';
import { api } from '../api';
import { markBlank } from '../record/blankDrafts';
import { href } from '../router';

export function PlansPage() {
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [indices, setIndices] = useState<IndexDefinition[]>([]);
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    Promise.all([api.listPlans({}), api.listIndices({})]).then(([p, i]) => {
      setPlans(p);
      setIndices(i);
    }, (err: Error) => setFailure(err.message));
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
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        Kế hoạch
      </Typography>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => void create()}>
          Tạo kế hoạch mới
        </Button>
        <Button href={href('chi-so')}>Tạo từ các chỉ số giảm điểm…</Button>
      </Stack>
      {failure && <Alert severity="error">{failure}</Alert>}
      <Paper variant="outlined">
        <Table size="small" aria-label="Danh sách kế hoạch">
          <TableHead>
            <TableRow>
              <TableCell>Trích yếu</TableCell>
              <TableCell>Chỉ số</TableCell>
              <TableCell align="right">Nhiệm vụ</TableCell>
              <TableCell>Trạng thái</TableCell>
              <TableCell>Cập nhật</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {plans.length === 0 && (
              <TableRow>
                <TableCell colSpan={5}>
                  <Typography color="text.secondary">Chưa có kế hoạch nào.</Typography>
                </TableCell>
              </TableRow>
            )}
            {plans.map((p) => (
              <TableRow key={p.id} hover>
                <TableCell>
                  <a href={href(`ke-hoach/${p.id}`)}>{p.title}</a>
                </TableCell>
                <TableCell>{[indices.find((i) => i.id === p.indexId)?.code, p.indexYear].filter(Boolean).join(' ')}</TableCell>
                <TableCell align="right">{p.taskCount}</TableCell>
                <TableCell>
                  {p.status === 'issued' ? <Chip size="small" color="success" label={`Số ${p.number}, ${formatVnDate(p.issuedDate)}`} /> : <Chip size="small" label="Dự thảo" />}
                </TableCell>
                <TableCell>{formatVnDate(localDayOf(p.updatedAt))}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </Stack>
  );
}
