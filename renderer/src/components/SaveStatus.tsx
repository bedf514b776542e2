import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlined';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import type { SxProps, Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { saveLine, type SaveState } from './saveState';

const LOOK = {
  ok: { color: 'success.main', icon: <CheckCircleOutline fontSize="small" /> },
  pending: { color: 'text.secondary', icon: <EditOutlined fontSize="small" /> },
  error: { color: 'error.main', icon: <ErrorOutline fontSize="small" /> },
} as const;

/** The editor's save state, e.g. "Đã lưu lúc 09:41:07" or "Chưa lưu: <lý do>". */
export function SaveStateLine(props: { state: SaveState; pending: boolean; stopped?: string }) {
  const line = saveLine(props.state, props.pending, props.stopped);
  const look = LOOK[line.tone];
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: look.color, maxWidth: 420 }}>
      {look.icon}
      <Typography role="status" aria-label="Trạng thái lưu" variant="body2" noWrap title={line.text}>
        {line.text}
      </Typography>
    </Stack>
  );
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
