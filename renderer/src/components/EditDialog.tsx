import Button from '@mui/material/Button';
import Dialog, { type DialogProps } from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';

export type EditDialogProps = Omit<DialogProps, 'open' | 'onClose'> & {
  open?: boolean;
  /** Something typed in the dialog has not been saved. */
  dirty: boolean;
  /** Closes without saving (the caller's "Hủy"). */
  onClose: () => void;
};

/**
 * A dialog that edits something. Escape or a click outside closes it at once when nothing was
 * changed; with changes it first asks "Bỏ các thay đổi?" so typed work is never thrown away by accident.
 */
export function EditDialog({ open = true, dirty, onClose, children, ...rest }: EditDialogProps) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Dialog {...rest} open={open} onClose={() => (dirty ? setAsking(true) : onClose())}>
        {children}
      </Dialog>
      <DiscardChangesDialog
        open={open && asking}
        onKeep={() => setAsking(false)}
        onDiscard={() => {
          setAsking(false);
          onClose();
        }}
      />
    </>
  );
}

export function DiscardChangesDialog(props: { open: boolean; onKeep: () => void; onDiscard: () => void }) {
  return (
    <Dialog open={props.open} onClose={props.onKeep} maxWidth="xs" aria-labelledby="discard-title" aria-describedby="discard-text">
      <DialogTitle id="discard-title">Bỏ các thay đổi?</DialogTitle>
      <DialogContent>
        <DialogContentText id="discard-text">Những gì bạn vừa nhập trong hộp thoại này chưa được lưu. Bỏ thay đổi thì không lấy lại được.</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button autoFocus variant="contained" onClick={props.onKeep}>
          Tiếp tục sửa
        </Button>
        <Button color="error" onClick={props.onDiscard}>
          Bỏ thay đổi
        </Button>
      </DialogActions>
    </Dialog>
  );
}
