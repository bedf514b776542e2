import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { RequestOutput } from '../../../shared/api';
import { todayIso } from '../../../shared/dates';
import { TASK_STATUSES, TASK_STATUS_IDS, type TaskStatus } from '../../../shared/reports';
import { api } from '../api';
import { DateField } from '../components/DateField';
import { EditDialog } from '../components/EditDialog';
import { useDirty } from '../components/useDirty';
import { useInvalidFields } from '../components/useInvalidFields';

type AgencyTasks = RequestOutput<'getAgencyRoundTasks'>;

/** A report sent on paper or by phone, typed in task by task: status, result and the agency's narrative answers. */
export function ManualEntryDialog(props: { roundId: number; agency: { agencyId: number; name: string }; onClose: () => void; onSaved: () => void }) {
  const [tasks, setTasks] = useState<AgencyTasks>([]);
  const [loaded, setLoaded] = useState<AgencyTasks>([]);
  const [today] = useState(todayIso);
  const [date, setDate] = useState<string | null>(today);
  const dirty = useDirty({ tasks, date }, { tasks: loaded, date: today });
  const invalid = useInvalidFields();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    api.getAgencyRoundTasks({ roundId: props.roundId, agencyId: props.agency.agencyId }).then(
      (t) => {
        setTasks(t);
        setLoaded(t);
      },
      (err: Error) => setFailure(err.message),
    );
  }, [props.roundId, props.agency.agencyId]);
  const set = (i: number, patch: Partial<AgencyTasks[number]>) => setTasks(tasks.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  async function save() {
    if (invalid.first) return setFailure(`Chưa ghi — ${invalid.first}`);
    if (!date) return setFailure('Chưa ghi — Ngày nhận báo cáo: hãy chọn ngày (dd/mm/yyyy).');
    try {
      const entries = tasks
        .filter((t) => t.status)
        .map((t) => ({ taskId: t.taskId, status: t.status!, result: t.result, evidence: t.evidence, difficulties: t.difficulties, proposals: t.proposals }));
      await api.saveManualSubmission({ roundId: props.roundId, agencyId: props.agency.agencyId, receivedDate: date, entries });
      props.onSaved();
    } catch (err) {
      setFailure((err as Error).message);
    }
  }
  return (
    <EditDialog dirty={dirty} onClose={props.onClose} maxWidth="lg" fullWidth>
      <DialogTitle>Nhập tay báo cáo của {props.agency.name}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {failure && <Alert severity="error">{failure}</Alert>}
          <DateField label="Ngày nhận báo cáo" required value={date} onChange={setDate} onInvalid={(m) => invalid.report('Ngày nhận báo cáo', m)} />
          {tasks.map((t, i) => (
            <Paper key={t.taskId} variant="outlined" sx={{ p: 1.5 }} aria-label={`Nhiệm vụ mã ${t.taskId}`} role="group">
              <Typography variant="body2" gutterBottom>
                {t.content} <em>({t.role === 'chu-tri' ? 'chủ trì' : 'phối hợp'})</em>
              </Typography>
              <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
                <TextField select size="small" sx={{ width: 260, flexShrink: 0 }} label="Tình trạng" value={t.status ?? ''} onChange={(e) => set(i, { status: (e.target.value || null) as TaskStatus | null })}>
                  <MenuItem value="">(chưa báo cáo)</MenuItem>
                  {TASK_STATUS_IDS.map((s) => (
                    <MenuItem key={s} value={s}>
                      {TASK_STATUSES[s]}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField size="small" fullWidth multiline label="Kết quả thực hiện" value={t.result} onChange={(e) => set(i, { result: e.target.value })} />
                <TextField size="small" sx={{ width: 260, flexShrink: 0 }} label="Văn bản chứng minh (số, ký hiệu)" value={t.evidence} onChange={(e) => set(i, { evidence: e.target.value })} />
              </Stack>
              <Stack direction="row" spacing={1}>
                <TextField size="small" fullWidth multiline label="Khó khăn, vướng mắc" value={t.difficulties} onChange={(e) => set(i, { difficulties: e.target.value })} />
                <TextField size="small" fullWidth multiline label="Kiến nghị, đề xuất" value={t.proposals} onChange={(e) => set(i, { proposals: e.target.value })} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Hủy</Button>
        <Button variant="contained" onClick={() => void save()}>
          Ghi báo cáo
        </Button>
      </DialogActions>
    </EditDialog>
  );
}
