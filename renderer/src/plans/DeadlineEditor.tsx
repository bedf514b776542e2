import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { DEADLINE_KINDS, type Deadline } from '../../../shared/plans';
import { DateField } from '../components/DateField';
import { IntegerField } from '../components/IntegerField';

type Kind = Deadline['kind'];

function withKind(kind: Kind, year: number): Deadline {
  switch (kind) {
    case 'quy':
      return { kind, quarter: 1, year };
    case 'thang':
      return { kind, month: 1, year };
    case 'ngay':
      return { kind, date: `${year}-12-31` };
    case 'trong-nam':
      return { kind, year };
    default:
      return { kind };
  }
}

/**
 * An exact date that is not a real one (31/02/2022) is passed on as the text typed, never as the old
 * date: the plan's save then refuses it ("ngày không hợp lệ") until it is fixed. `onInvalid` names it.
 */
export function DeadlineEditor(props: { value: Deadline; year: number; onChange: (d: Deadline) => void; onInvalid?: (message: string | null) => void }) {
  const d = props.value;
  return (
    <Stack direction="row" spacing={1}>
      <TextField select sx={{ width: 190 }} label="Thời gian thực hiện" value={d.kind} onChange={(e) => props.onChange(withKind(e.target.value as Kind, props.year))}>
        {Object.entries(DEADLINE_KINDS).map(([k, label]) => (
          <MenuItem key={k} value={k}>
            {label}
          </MenuItem>
        ))}
      </TextField>
      {d.kind === 'quy' && (
        <TextField select sx={{ width: 110 }} label="Quý" value={d.quarter} onChange={(e) => props.onChange({ ...d, quarter: Number(e.target.value) })}>
          {[1, 2, 3, 4].map((q) => (
            <MenuItem key={q} value={q}>
              {['I', 'II', 'III', 'IV'][q - 1]}
            </MenuItem>
          ))}
        </TextField>
      )}
      {d.kind === 'thang' && (
        <TextField select sx={{ width: 100 }} label="Tháng" value={d.month} onChange={(e) => props.onChange({ ...d, month: Number(e.target.value) })}>
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
            <MenuItem key={m} value={m}>
              {m}
            </MenuItem>
          ))}
        </TextField>
      )}
      {(d.kind === 'quy' || d.kind === 'thang' || d.kind === 'trong-nam') && (
        // an emptied year stays empty with its error, never 0
        <IntegerField sx={{ width: 120 }} required label="Năm" value={d.year} onChange={(year) => year !== null && props.onChange({ ...d, year })} onInvalid={(m) => props.onInvalid?.(m)} />
      )}
      {d.kind === 'ngay' && (
        <DateField
          label="Trước ngày"
          required
          value={d.date || null}
          onChange={(date) => props.onChange({ kind: 'ngay', date: date ?? '' })}
          onInvalid={(message, typed) => {
            props.onInvalid?.(message);
            if (message) props.onChange({ kind: 'ngay', date: typed });
          }}
          error={d.date ? undefined : 'Hãy chọn ngày'}
        />
      )}
    </Stack>
  );
}
