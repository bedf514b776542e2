import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import type { SxProps, Theme } from '@mui/material/styles';
import { saveLine, type SaveState } from './saveState';

const COLOR = { ok: 'success', pending: 'default', error: 'error' } as const;

/** The editor's save state, e.g. "Đã lưu lúc 09:41:07" or "Chưa lưu: <lý do>". */
export function SaveStateLine(props: { state: SaveState; pending: boolean; stopped?: string }) {
  const line = saveLine(props.state, props.pending, props.stopped);
  return <Chip role="status" aria-label="Trạng thái lưu" color={COLOR[line.tone]} variant={line.tone === 'ok' ? 'outlined' : 'filled'} label={line.text} />;
}

/** The full reason of the last failed save; gone as soon as a later save succeeds. */
export function SaveFailure(props: { state: SaveState; sx?: SxProps<Theme> }) {
  if (props.state.kind !== 'failed') return null;
  return (
    <Alert severity="error" sx={[{ whiteSpace: 'pre-line' }, ...(Array.isArray(props.sx) ? props.sx : [props.sx])]}>
      {`Chưa lưu: ${props.state.reason}`}
    </Alert>
  );
}
