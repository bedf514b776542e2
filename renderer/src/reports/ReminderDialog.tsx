import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { addDays, formatVnDate, todayIso } from '../../../shared/dates';
import { api } from '../api';
import { DateField } from '../components/DateField';
import { EditDialog } from '../components/EditDialog';
import { useDirty } from '../components/useDirty';
import { useInvalidFields } from '../components/useInvalidFields';

/** Asks for the new deadline (a week from today unless changed) before the Công văn đôn đốc is made. */
export function ReminderDialog(props: { roundId: number; dueDate: string; missing: string[]; onClose: () => void; onCreated: (draftId: number) => void }) {
  const [today] = useState(() => todayIso());
  const [deadline, setDeadline] = useState<string | null>(addDays(today, 7));
  const dirty = useDirty(deadline, addDays(today, 7));
  const invalid = useInvalidFields();
  const [failure, setFailure] = useState<string>();
  const tooEarly = deadline !== null && deadline <= today;
  async function create() {
    if (invalid.first) return setFailure(`Chưa tạo — ${invalid.first}`);
    if (!deadline) return setFailure('Chưa ghi hạn gửi mới (dd/mm/yyyy).');
    try {
      const draft = await api.createReminderForRound({ roundId: props.roundId, deadline });
      props.onCreated(draft.id);
    } catch (err) {
      setFailure((err as Error).message);
    }
  }
  const shown = props.missing.slice(0, 8).join('; ') + (props.missing.length > 8 ? ` và ${props.missing.length - 8} cơ quan khác` : '');
  return (
    <EditDialog dirty={dirty} onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>Công văn đôn đốc các cơ quan chưa gửi</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {failure && <Alert severity="error">{failure}</Alert>}
          <Typography variant="body2">
            Kính gửi {props.missing.length} cơ quan chưa gửi báo cáo: {shown}.
          </Typography>
          <Typography variant="body2">Hạn gửi của kỳ báo cáo: {formatVnDate(props.dueDate)}. Công văn đề nghị gửi trước hạn mới dưới đây.</Typography>
          <DateField label="Hạn gửi mới" value={deadline} onChange={setDeadline} onInvalid={(m) => invalid.report('Hạn gửi mới', m)} error={tooEarly ? `Hạn gửi mới phải sau hôm nay (${formatVnDate(today)}).` : undefined} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Hủy</Button>
        <Button variant="contained" disabled={!deadline || tooEarly || invalid.any} onClick={() => void create()}>
          Tạo công văn
        </Button>
      </DialogActions>
    </EditDialog>
  );
}
