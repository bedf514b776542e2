import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';

/** "Tháng (dự kiến)": a draft may carry its month before the day is known ("ngày … tháng 6 năm 2023"). */
export function DraftMonthField(props: { value: number | null; disabled?: boolean; onChange: (month: number | null) => void }) {
  return (
    <TextField select sx={{ width: 190, flexShrink: 0 }} disabled={props.disabled} label="Tháng (dự kiến)" value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}>
      <MenuItem value="">(chưa rõ)</MenuItem>
      {Array.from({ length: 12 }, (_, i) => (
        <MenuItem key={i + 1} value={i + 1}>
          Tháng {i + 1}
        </MenuItem>
      ))}
    </TextField>
  );
}
