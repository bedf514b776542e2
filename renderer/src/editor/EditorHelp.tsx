import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { KEYBOARD_HELP } from './keymap';

/** The editor's keyboard table. */
export function EditorHelp(props: { onClose: () => void }) {
  return (
    <Dialog open onClose={props.onClose} maxWidth="md" aria-labelledby="editor-help-title">
      <DialogTitle id="editor-help-title">Phím tắt của trình soạn thảo</DialogTitle>
      <DialogContent>
        <Table size="small" aria-label="Phím tắt">
          <TableBody>
            {KEYBOARD_HELP.map(([keys, what]) => (
              <TableRow key={keys}>
                <TableCell sx={{ whiteSpace: 'nowrap', fontFamily: 'monospace' }}>{keys}</TableCell>
                <TableCell>{what}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="body2" sx={{ mt: 2 }} color="text.secondary">
          Phông chữ, cỡ chữ, màu sắc do thể thức Nghị định 30 quyết định nên không chọn ở đây. Bảng có sẵn trong văn bản được giữ nguyên.
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Đóng</Button>
      </DialogActions>
    </Dialog>
  );
}
