import Alert, { type AlertColor } from '@mui/material/Alert';
import type { SxProps, Theme } from '@mui/material/styles';

/** What a page tells the user after an action: a success, a warning, or the main process's error. */
export interface NoticeState {
  severity: AlertColor;
  text: string;
}

/** The message of the last action, dismissible; multi-line error summaries keep their lines. */
export function Notice(props: { notice: NoticeState | undefined; onClose: () => void; sx?: SxProps<Theme> }) {
  if (!props.notice) return null;
  return (
    <Alert severity={props.notice.severity} onClose={props.onClose} sx={[{ whiteSpace: 'pre-line' }, ...(Array.isArray(props.sx) ? props.sx : [props.sx])]}>
      {props.notice.text}
    </Alert>
  );
}
