import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useEffect, useRef, useState } from 'react';

type Props = Omit<TextFieldProps, 'value' | 'onChange' | 'type' | 'onInvalid'> & {
  label: string;
  value: number | null;
  onChange: (n: number | null) => void;
  /** Told when the text is not a whole number (or is empty while required), with null once fixed. */
  onInvalid?: (message: string | null) => void;
};

export function integerError(text: string, required: boolean): string | null {
  const t = text.trim();
  if (t === '') return required ? 'Hãy nhập một số' : null;
  return /^\d+$/.test(t) ? null : `Không phải số nguyên: ${t}`;
}

/**
 * A whole number as typed: emptying the field shows an error instead of turning into 0, and the
 * caller keeps its last valid number but is told the field is invalid (so it can refuse to save).
 */
export function IntegerField({ value, onChange, onInvalid, required, helperText, error, ...rest }: Props) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const passedOn = useRef(value);
  const problem = integerError(text, Boolean(required));
  useEffect(() => {
    if (value === passedOn.current) return;
    passedOn.current = value;
    setText(value === null ? '' : String(value));
  }, [value]);
  const report = useRef(onInvalid);
  report.current = onInvalid;
  useEffect(() => report.current?.(problem), [problem]);
  useEffect(() => () => report.current?.(null), []);
  return (
    <TextField
      {...rest}
      type="number"
      required={required}
      value={text}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        if (integerError(next, Boolean(required))) return;
        const n = next.trim() === '' ? null : Number(next);
        passedOn.current = n;
        onChange(n);
      }}
      error={Boolean(problem) || error}
      helperText={problem ?? helperText}
    />
  );
}
