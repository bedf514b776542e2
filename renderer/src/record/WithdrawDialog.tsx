import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { maxLengthOf } from '../../../shared/fields';
import { WithdrawRecordSchema } from '../../../shared/record';
import { EditDialog } from '../components/EditDialog';
import { LimitedTextField } from '../components/LimitedTextField';

/** "Thu hồi để đính chính": asks for the reason; the issued copy stays in the history. */
export function WithdrawDialog(props: { onClose: () => void; onWithdraw: (reason: string) => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string>();
  return (
    <EditDialog dirty={reason.trim() !== ''} onClose={props.onClose} maxWidth="sm" fullWidth aria-labelledby="withdraw-title">
      <DialogTitle id="withdraw-title">Thu hồi để đính chính</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">
            Bản đã ban hành được giữ nguyên trong lịch sử (số, ngày, người ban hành, tệp .docx). Văn bản trở lại dự thảo để sửa; số đã cấp vẫn thuộc văn bản này (có thể ban hành lại với số cũ).
          </Typography>
          {failure && <Alert severity="error">{failure}</Alert>}
          <LimitedTextField max={maxLengthOf(WithdrawRecordSchema, 'reason') ?? 2000} autoFocus required multiline minRows={2} label="Lý do thu hồi" value={reason} onChange={(e) => setReason(e.target.value)} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Hủy</Button>
        <Button
          color="warning"
          variant="contained"
          onClick={() => {
            if (!reason.trim()) return setFailure('Lý do thu hồi: hãy ghi lý do (ví dụ: sai tên cơ quan nhận).');
            void props.onWithdraw(reason).catch((err: Error) => setFailure(err.message));
          }}
        >
          Thu hồi
        </Button>
      </DialogActions>
    </EditDialog>
  );
}
