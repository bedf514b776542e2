import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { SxProps, Theme } from '@mui/material/styles';
import { useState } from 'react';

/** A save refused because the record was saved elsewhere; `copy` once the user's version is kept as a new draft. */
export interface ConflictState {
  message: string;
  copy?: { title: string; href: string };
}

const RELOAD_WARNING =
  'Tải bản mới sẽ thay nội dung đang soạn trên màn hình bằng bản vừa được lưu ở cửa sổ khác. Những gì bạn đã sửa mà chưa lưu thành bản sao sẽ mất. Vẫn tải bản mới?';

/**
 * Shown instead of saving once a save was refused: what the user typed stays on screen, autosave
 * stops, and they choose — keep their version as a separate draft ("Bản sao — …"), or load the
 * other window's version (after confirming, unless their version is already kept).
 */
export function ConflictBanner(props: { conflict: ConflictState | undefined; onKeepCopy: () => Promise<void>; onReload: () => void; sx?: SxProps<Theme> }) {
  const [busy, setBusy] = useState(false);
  const { conflict } = props;
  if (!conflict) return null;
  const keep = async () => {
    setBusy(true);
    try {
      await props.onKeepCopy();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert severity="warning" sx={props.sx} data-testid="conflict-banner">
      <AlertTitle>Chưa lưu được: bản này vừa được lưu ở nơi khác</AlertTitle>
      {conflict.message}
      {conflict.copy && ` Bản của bạn đã được lưu thành "${conflict.copy.title}".`}
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        {conflict.copy ? (
          <Button variant="contained" size="small" href={conflict.copy.href}>
            Mở bản sao
          </Button>
        ) : (
          <Button variant="contained" size="small" disabled={busy} onClick={() => void keep()}>
            Lưu bản của tôi thành bản sao
          </Button>
        )}
        <Button variant="outlined" size="small" onClick={() => (conflict.copy || window.confirm(RELOAD_WARNING)) && props.onReload()}>
          Tải bản mới
        </Button>
      </Stack>
    </Alert>
  );
}

/** "Bản sao — …", within the title's length limit. */
export function copyTitle(title: string, max = 500): string {
  return `Bản sao — ${title}`.slice(0, max);
}
