import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { formatVnDate } from '../../../shared/dates';
import type { PlanSummary } from '../../../shared/plans';
import { ROUND_KINDS, type Round, type RoundInput } from '../../../shared/reports';
import { api } from '../api';
import { DateField } from '../components/DateField';
import { useInvalidFields } from '../components/useInvalidFields';
import { href } from '../router';

/** Pick a plan, see its reporting rounds, open one or add one. */
export function ReportsPage() {
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [planId, setPlanId] = useState<number | ''>('');
  const [rounds, setRounds] = useState<Round[]>([]);
  const year = new Date().getFullYear();
  const [draft, setDraft] = useState<Omit<RoundInput, 'planId'>>({ kind: 'nam', name: `Năm ${year}`, periodFrom: `${year - 1}-12-15`, periodTo: `${year}-12-14`, dueDate: `${year}-12-12` });
  const [failure, setFailure] = useState<string>();
  const invalid = useInvalidFields();
  useEffect(() => {
    api.listPlans({}).then((p) => {
      setPlans(p);
      if (p[0]) setPlanId(p[0].id);
    }, (err: Error) => setFailure(err.message));
  }, []);
  useEffect(() => {
    if (planId !== '') api.listRounds({ planId }).then(setRounds, (err: Error) => setFailure(err.message));
  }, [planId]);
  async function add() {
    if (planId === '') return;
    if (invalid.first) return setFailure(`Chưa thêm kỳ báo cáo — ${invalid.first}`);
    const missing = ([['Từ ngày', draft.periodFrom], ['Đến ngày', draft.periodTo], ['Hạn gửi', draft.dueDate]] as const).find(([, v]) => !v);
    if (missing) return setFailure(`Chưa thêm kỳ báo cáo — ${missing[0]}: hãy chọn ngày.`);
    setFailure(undefined);
    try {
      const round = await api.saveRound({ ...draft, planId });
      window.location.hash = href(`bao-cao/${round.id}`);
    } catch (err) {
      setFailure((err as Error).message);
    }
  }
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        Báo cáo
      </Typography>
      <Typography color="text.secondary">
        Mỗi kỳ báo cáo: tạo biểu mẫu Excel cho từng cơ quan, nhận lại tệp, theo dõi ai đã gửi, rồi lập Báo cáo tổng hợp của tỉnh và công văn đôn đốc.
      </Typography>
      {failure && <Alert severity="error">{failure}</Alert>}
      <TextField select sx={{ maxWidth: 700 }} label="Kế hoạch" value={planId} onChange={(e) => setPlanId(Number(e.target.value))}>
        {plans.map((p) => (
          <MenuItem key={p.id} value={p.id}>
            {p.title}
          </MenuItem>
        ))}
      </TextField>
      {plans.length === 0 && <Alert severity="info">Chưa có kế hoạch nào. Báo cáo đi theo nhiệm vụ của một kế hoạch.</Alert>}
      <Paper variant="outlined" sx={{ maxWidth: 900 }}>
        <Table size="small" aria-label="Các kỳ báo cáo">
          <TableHead>
            <TableRow>
              <TableCell>Kỳ báo cáo</TableCell>
              <TableCell>Thời gian</TableCell>
              <TableCell>Hạn gửi</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rounds.map((r) => (
              <TableRow key={r.id} hover>
                <TableCell>
                  <a href={href(`bao-cao/${r.id}`)}>{r.name}</a>
                </TableCell>
                <TableCell>
                  {formatVnDate(r.periodFrom)} – {formatVnDate(r.periodTo)}
                </TableCell>
                <TableCell>{formatVnDate(r.dueDate)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {planId !== '' && (
        <Paper variant="outlined" sx={{ p: 2, maxWidth: 900 }}>
          <Typography variant="subtitle1" gutterBottom>
            Thêm kỳ báo cáo
          </Typography>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} useFlexGap>
            <TextField select sx={{ width: 130 }} label="Loại kỳ" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as RoundInput['kind'] })}>
              {Object.entries(ROUND_KINDS).map(([k, label]) => (
                <MenuItem key={k} value={k}>
                  {label}
                </MenuItem>
              ))}
            </TextField>
            <TextField sx={{ width: 180 }} label="Tên kỳ" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
            <DateField label="Từ ngày" required value={draft.periodFrom || null} onChange={(v) => setDraft({ ...draft, periodFrom: v ?? '' })} onInvalid={(m) => invalid.report('Từ ngày', m)} />
            <DateField label="Đến ngày" required value={draft.periodTo || null} onChange={(v) => setDraft({ ...draft, periodTo: v ?? '' })} onInvalid={(m) => invalid.report('Đến ngày', m)} />
            <DateField label="Hạn gửi" required value={draft.dueDate || null} onChange={(v) => setDraft({ ...draft, dueDate: v ?? '' })} onInvalid={(m) => invalid.report('Hạn gửi', m)} />
            <Button variant="contained" onClick={() => void add()}>
              Thêm
            </Button>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
