import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { formatVnDate, parseVnDate } from '../../../shared/dates';

/** A date typed as dd/mm/yyyy, held as ISO "yyyy-mm-dd" (or null when empty). */
export function DateField(props: { label: string; value: string | null; onChange: (iso: string | null) => void; error?: string }) {
  const [text, setText] = useState(formatVnDate(props.value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setText(formatVnDate(props.value)), [props.value]);
  const commit = () => {
    if (text.trim() === '') {
      setInvalid(false);
      props.onChange(null);
      return;
    }
    const iso = parseVnDate(text);
    setInvalid(iso === null);
    if (iso) props.onChange(iso);
  };
  return (
    <TextField
      label={props.label}
      placeholder="dd/mm/yyyy"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      error={invalid || Boolean(props.error)}
      helperText={invalid ? 'Ngày không hợp lệ, ghi theo dạng dd/mm/yyyy' : (props.error ?? ' ')}
    />
  );
}
