import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { DateField } from './DateField';

/** Records the number and date Văn thư gave a signed document; the document then becomes read-only. */
export function IssueDialog(props: { onClose: () => void; onIssue: (number: number, date: string) => Promise<void> }) {
  const [number, setNumber] = useState('');
  const [date, setDate] = useState<string | null>(null);
  const [failure, setFailure] = useState<string>();
  return (
    <Dialog open onClose={props.onClose} maxWidth="xs" fullWidth>
      <DialogTitle>Ghi số và ngày ban hành</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">Sau khi ghi, văn bản chỉ xem được (có thể “Mở lại để sửa” nếu thật cần).</Typography>
          {failure && (
            <Alert severity="error" sx={{ whiteSpace: 'pre-line' }}>
              {failure}
            </Alert>
          )}
          <TextField label="Số do Văn thư cấp" type="number" value={number} onChange={(e) => setNumber(e.target.value)} />
          <DateField label="Ngày ban hành" value={date} onChange={setDate} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Hủy</Button>
        <Button variant="contained" onClick={() => void props.onIssue(Number(number), date ?? '').catch((err: Error) => setFailure(err.message))}>
          Ghi
        </Button>
      </DialogActions>
    </Dialog>
  );
}
