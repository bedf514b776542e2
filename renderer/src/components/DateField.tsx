import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { viVN } from '@mui/x-date-pickers/locales';
import { vi } from 'date-fns/locale/vi';
import { useCallback, useEffect, useRef, useState } from 'react';
import { checkVnDate, isIsoDate, localIsoDate } from '../../../shared/dates';

const LOCALE_TEXT = viVN.components.MuiLocalizationProvider.defaultProps.localeText;
// the locale's one-letter names are T, T, T, T, T, T, C: Vietnamese calendars write T2…T7, CN
const WEEKDAYS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];

function toDate(iso: string | null): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

export interface DateFieldProps {
  label: string;
  /** ISO "yyyy-mm-dd", or null when empty. */
  value: string | null;
  /** Called only with a real date or null (emptied); an impossible date is never passed on. */
  onChange: (iso: string | null) => void;
  /** Told when what is typed is not a date ("Ngày không hợp lệ: 31/02/2022", and the text typed) and again with null once it is fixed. */
  onInvalid?: (message: string | null, typed: string) => void;
  /** An error from elsewhere (e.g. the backend) shown beside the field. */
  error?: string;
  required?: boolean;
  width?: number;
}

/**
 * A date picker in Vietnamese (dd/mm/yyyy typed or picked from the calendar). What the user types
 * stays on screen even when it is not a real date: the error is shown beside it and the caller is
 * told, so the old value is never kept silently.
 */
export function DateField(props: DateFieldProps) {
  const [date, setDate] = useState<Date | null>(toDate(props.value));
  const [invalid, setInvalid] = useState<string | null>(null);
  const passedOn = useRef(props.value);
  const hidden = useRef<HTMLInputElement>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    // a value that is not a date is what the user typed, handed back by the caller: it is on screen already
    if (props.value === passedOn.current || (props.value !== null && !isIsoDate(props.value))) return;
    passedOn.current = props.value;
    setDate(toDate(props.value));
  }, [props.value]);

  const current = useRef(date);
  current.current = date;
  const reported = useRef<string | null>(null);
  // The field's hidden input holds what is on screen, e.g. "31/02/2022" or "31/MM/YYYY". The picker
  // reports an impossible date once (every later one is "the same" invalid value), so what is
  // typed after that is read again on each key.
  const refresh = useCallback(() => {
    const typed = hidden.current?.value ?? '';
    const d = current.current;
    const checked = d !== null && Number.isNaN(d.getTime()) ? checkVnDate(typed) : null;
    const next = checked && 'error' in checked ? checked.error : null;
    if (next === reported.current) return;
    reported.current = next;
    setInvalid(next);
    latest.current.onInvalid?.(next, typed);
  }, []);
  useEffect(refresh, [date, refresh]);
  const refreshSoon = () => void setTimeout(refresh, 0);

  useEffect(() => () => latest.current.onInvalid?.(null, ''), []);

  const change = (d: Date | null) => {
    setDate(d);
    if (d !== null && Number.isNaN(d.getTime())) return;
    const iso = d === null ? null : localIsoDate(d);
    passedOn.current = iso;
    if (iso !== props.value) props.onChange(iso);
  };

  const message = invalid ?? props.error;
  return (
    <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={vi} localeText={LOCALE_TEXT}>
      <DatePicker
        label={props.label}
        value={date}
        onChange={change}
        format="dd/MM/yyyy"
        dayOfWeekFormatter={(d) => WEEKDAYS[d.getDay()]!}
        slotProps={{
          textField: {
            required: props.required,
            inputRef: hidden,
            onKeyUp: refreshSoon,
            onBlur: refreshSoon,
            onPaste: refreshSoon,
            error: Boolean(message),
            helperText: message ?? ' ',
            sx: { width: props.width ?? 220, flexShrink: 0 },
          },
          field: { clearable: true },
        }}
      />
    </LocalizationProvider>
  );
}
