import { createTheme } from '@mui/material/styles';
import { viVN } from '@mui/material/locale';

/** System fonts only (offline; Segoe UI on Windows has every Vietnamese glyph). */
export const theme = createTheme(
  {
    palette: {
      primary: { main: '#8a1c1c' },
      secondary: { main: '#1f4e79' },
      background: { default: '#f5f5f3' },
    },
    typography: {
      fontFamily: '"Segoe UI", "Noto Sans", Roboto, "Helvetica Neue", Arial, sans-serif',
      fontSize: 14,
    },
    components: {
      MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
      MuiButton: { defaultProps: { disableElevation: true } },
    },
  },
  viVN,
);
