import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { StartupState } from '../../../shared/startup';
import { api } from '../api';
import { readFile } from '../files';

type Problem = Exclude<StartupState, { state: 'ok' }>;

const pad = (n: number) => String(n).padStart(2, '0');
/** "14:05 ngày 02/12/2026", in local time. */
function when(iso: string): string {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())} ngày ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

const TITLE: Record<Problem['reason'], string> = {
  CORRUPT: 'Tệp dữ liệu bị hỏng',
  NOT_A_DATABASE: 'Tệp dữ liệu không đọc được',
  EMPTY: 'Tệp dữ liệu bị rỗng',
  NEWER_VERSION: 'Dữ liệu của phiên bản mới hơn',
  LOCKED: 'Dữ liệu đang được dùng ở nơi khác',
  MIGRATION_FAILED: 'Chưa nâng cấp được dữ liệu',
  UNWRITABLE: 'Không ghi được vào thư mục dữ liệu',
};

/** Full page shown instead of the app when the data file did not open at start. */
export function RecoveryScreen(props: { state: Problem; onRetry: () => Promise<void>; onRecovered: (message: string) => void }) {
  const { state } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const desktop = Boolean(window.noivu);

  async function run(work: () => Promise<string | null>) {
    setBusy(true);
    setError(undefined);
    try {
      const message = await work();
      if (message) props.onRecovered(message);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  const kept = (safetyCopy: string | null) => (safetyCopy ? ` Tệp dữ liệu cũ được giữ lại tại: ${safetyCopy}.` : '');
  const fromNewest = () =>
    run(async () => {
      const r = await api.recoverFromNewestBackup({});
      return `Đã khôi phục dữ liệu từ bản sao lưu tự động ${r.backupName}.${kept(r.safetyCopy)}`;
    });
  const fromFile = (picked?: File) =>
    run(async () => {
      const r = await api.recoverFromFile({ file: picked ? await readFile(picked) : null });
      return r.restored ? `Đã khôi phục dữ liệu từ tệp sao lưu.${kept(r.safetyCopy)}` : null;
    });
  const quit = () => run(async () => (await api.quitApp({}), null));

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', alignItems: 'flex-start', pt: 8, px: 2 }}>
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 760, width: '100%' }}>
        <Stack spacing={2}>
          <Typography variant="overline" color="text.secondary">
            NoiVu Desk
          </Typography>
          <Typography variant="h5" component="h1">
            {TITLE[state.reason]}
          </Typography>
          <Alert severity={state.state === 'damaged' ? 'error' : 'warning'}>{state.message}</Alert>
          <Typography variant="body2" color="text.secondary">
            Thư mục dữ liệu: <code>{state.dataFolder}</code>
          </Typography>
          {state.state === 'damaged' ? (
            <>
              <Typography>
                Có thể khôi phục dữ liệu từ một bản sao lưu.{' '}
                {state.reason === 'EMPTY'
                  ? 'Tệp rỗng không chứa dữ liệu nào nên được thay thế.'
                  : 'Tệp hỏng không bị xóa: nó được giữ lại thành một bản sao trong thư mục sao lưu để bộ phận kỹ thuật xem sau.'}{' '}
                Những thay đổi làm sau thời điểm của bản sao lưu sẽ không có trong dữ liệu khôi phục.
              </Typography>
              <Typography sx={{ fontWeight: 600 }}>
                {state.newestAutoBackup
                  ? `Bản sao lưu tự động mới nhất: lúc ${when(state.newestAutoBackup.modifiedAt)} (${state.newestAutoBackup.name}).`
                  : 'Chưa có bản sao lưu tự động nào. Hãy chọn một tệp sao lưu đã lưu trước đó.'}
              </Typography>
              {error && <Alert severity="error">{error}</Alert>}
              <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
                <Button variant="contained" disabled={busy || !state.newestAutoBackup} onClick={() => void fromNewest()}>
                  Khôi phục bản sao lưu tự động mới nhất
                </Button>
                {desktop ? (
                  <Button variant="outlined" disabled={busy} onClick={() => void fromFile()}>
                    Khôi phục từ tệp…
                  </Button>
                ) : (
                  <Button component="label" variant="outlined" disabled={busy}>
                    Khôi phục từ tệp…
                    <input hidden type="file" accept=".sqlite,.db" aria-label="Tệp sao lưu" onChange={(e) => void fromFile(e.target.files?.[0])} />
                  </Button>
                )}
                {desktop && (
                  <Button color="inherit" disabled={busy} onClick={() => void quit()}>
                    Thoát
                  </Button>
                )}
              </Stack>
            </>
          ) : (
            <>
              {error && <Alert severity="error">{error}</Alert>}
              <Stack direction="row" spacing={1}>
                <Button variant="contained" disabled={busy} onClick={() => void run(async () => (await props.onRetry(), null))}>
                  Thử lại
                </Button>
                {desktop && (
                  <Button color="inherit" disabled={busy} onClick={() => void quit()}>
                    Thoát
                  </Button>
                )}
              </Stack>
            </>
          )}
          {!desktop && (
            <Typography variant="body2" color="text.secondary">
              Đang dùng trong trình duyệt: đóng thẻ này để thoát.
            </Typography>
          )}
        </Stack>
      </Paper>
    </Box>
  );
}
