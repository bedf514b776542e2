import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Snackbar from '@mui/material/Snackbar';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { StartupState } from '../../../shared/startup';
import { api } from '../api';
import { RecoveryScreen } from './RecoveryScreen';

/**
 * Asks first whether the data file opened. If it did, the app; if not, the recovery screen, which
 * hands back to the app once a backup has been restored (no restart needed).
 */
export function StartupGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<StartupState>();
  const [error, setError] = useState<string>();
  const [recovered, setRecovered] = useState<string>();
  const check = useCallback(async () => {
    try {
      setError(undefined);
      setState(await api.getStartupState({}));
    } catch (err) {
      setError((err as Error).message);
    }
  }, []);
  useEffect(() => {
    void check();
  }, [check]);

  if (error) {
    return (
      <Box sx={{ p: 4 }}>
        <Alert severity="error">{error}</Alert>
      </Box>
    );
  }
  if (!state) {
    return (
      <Box sx={{ p: 4, display: 'flex', gap: 2, alignItems: 'center' }}>
        <CircularProgress size={20} />
        <Typography>Đang mở dữ liệu…</Typography>
      </Box>
    );
  }
  if (state.state !== 'ok') {
    return (
      <RecoveryScreen
        state={state}
        onRetry={check}
        onRecovered={(message) => {
          setRecovered(message);
          setState({ state: 'ok' });
        }}
      />
    );
  }
  return (
    <>
      {children}
      <Snackbar open={Boolean(recovered)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Alert severity="success" onClose={() => setRecovered(undefined)} sx={{ maxWidth: 760 }}>
          {recovered}
        </Alert>
      </Snackbar>
    </>
  );
}
