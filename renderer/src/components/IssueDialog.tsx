import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { todayIso } from '../../../shared/dates';
import { formatSoLine, padNd30 } from '../../../shared/nd30';
import type { NumberProposal, RecordRef } from '../../../shared/record';
import { api } from '../api';
import { DateField } from './DateField';
import { EditDialog } from './EditDialog';
import { useInvalidFields } from './useInvalidFields';

/**
 * Issues a signed record: proposes the next number of its series (and the gaps), shows the Số line
 * exactly as it will print and, for a record withdrawn for correction, offers to keep its number.
 */
export function IssueDialog(props: { record: RecordRef; onClose: () => void; onIssue: (number: number, date: string, keepNumber: boolean) => Promise<void> }) {
  const [today] = useState(todayIso);
  const [date, setDate] = useState<string | null>(today);
  const [number, setNumber] = useState('');
  const [proposal, setProposal] = useState<NumberProposal>();
  const [keep, setKeep] = useState(false);
  const [failure, setFailure] = useState<string>();
  const invalid = useInvalidFields();
  const year = date ? Number(date.slice(0, 4)) : new Date().getFullYear();
  const { recordType, id } = props.record;

  useEffect(() => {
    let live = true;
    api.proposeIssueNumber({ recordType, id, year }).then(
      (p) => {
        if (!live) return;
        setProposal(p);
        setNumber((n) => (n === '' ? String(p.next) : n));
        if (p.ownNumber) setKeep((k) => k || p.ownNumber!.year === year);
      },
      (err: Error) => setFailure(err.message),
    );
    return () => {
      live = false;
    };
  }, [recordType, id, year]);

  // the proposed number is filled in for the user; only what they changed counts
  const dirty = date !== today || (number !== '' && number !== String(proposal?.next ?? ''));
  const chosen = keep && proposal?.ownNumber ? proposal.ownNumber.number : Number(number) || null;
  return (
    <EditDialog dirty={dirty} onClose={props.onClose} maxWidth="sm" fullWidth aria-labelledby="issue-title">
      <DialogTitle id="issue-title">Ghi số và ngày ban hành</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">
            Khi ghi, ứng dụng lưu lại bản .docx đúng như ban hành; văn bản chỉ xem được (muốn sửa phải “Thu hồi để đính chính”).
          </Typography>
          {proposal && (
            <Typography variant="body2">
              Sổ <b>“{proposal.seriesName}”</b> năm {proposal.year} của {proposal.issuer}
            </Typography>
          )}
          {proposal?.ownNumber && (
            <RadioGroup value={keep ? 'keep' : 'new'} onChange={(e) => setKeep(e.target.value === 'keep')}>
              <FormControlLabel value="keep" control={<Radio />} label={`Giữ số cũ (đính chính): số ${padNd30(proposal.ownNumber.number)} năm ${proposal.ownNumber.year}`} />
              <FormControlLabel value="new" control={<Radio />} label="Lấy số mới" />
            </RadioGroup>
          )}
          {failure && (
            <Alert severity="error" sx={{ whiteSpace: 'pre-line' }}>
              {failure}
            </Alert>
          )}
          <Stack direction="row" spacing={2}>
            {!keep && <TextField label="Số do Văn thư cấp" type="number" value={number} onChange={(e) => setNumber(e.target.value)} helperText={proposal ? `Số tiếp theo: ${proposal.next}` : ' '} />}
            <DateField label="Ngày ban hành" required value={date} onChange={setDate} onInvalid={(m) => invalid.report('Ngày ban hành', m)} />
          </Stack>
          {!keep && proposal && proposal.gapCount > 0 && (
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
              <Typography variant="body2">Số còn trống ({proposal.gapCount}):</Typography>
              {proposal.gaps.map((g) => (
                <Chip key={g} size="small" label={g} onClick={() => setNumber(String(g))} />
              ))}
              {proposal.gapCount > proposal.gaps.length && <Typography variant="body2">…</Typography>}
            </Stack>
          )}
          {proposal && (
            <Alert severity="info" icon={false} role="status">
              Dòng số, ký hiệu sẽ in: <b data-testid="so-line">{formatSoLine(chosen, proposal.code)}</b>
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Hủy</Button>
        <Button
          variant="contained"
          onClick={() => {
            if (invalid.first) return setFailure(`Chưa ghi số — ${invalid.first}`);
            if (!date) return setFailure('Chưa ghi số — Ngày ban hành: hãy chọn ngày.');
            setFailure(undefined);
            void props.onIssue(chosen ?? Number(number), date ?? '', keep).catch((err: Error) => setFailure(err.message));
          }}
        >
          Ghi
        </Button>
      </DialogActions>
    </EditDialog>
  );
}
