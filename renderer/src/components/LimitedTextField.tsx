import Box from '@mui/material/Box';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { lengthStatus } from './lengthStatus';


/** A text field with a length limit: a counter on the right of its help line. */
export function LimitedTextField({ max, value, helperText, error, ...rest }: TextFieldProps & { max: number; value: string }) {
  const { counter, over } = lengthStatus(value, max);
  return (
    <TextField
      {...rest}
      value={value}
      error={Boolean(over) || error}
      helperText={
        <Box component="span" sx={{ display: 'flex', gap: 1 }}>
          <Box component="span" sx={{ flex: 1 }}>
            {over ?? helperText}
          </Box>
          <Box component="span" aria-label={`Số ký tự: ${counter}`}>
            {counter}
          </Box>
        </Box>
      }
    />
  );
}
