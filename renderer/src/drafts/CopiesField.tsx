import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

type Copies = { code: string; count: number } | null | undefined;

/** Ô 12: the typist's code and the number of copies, printed after the Lưu line ("PL.(300)"). */
export function CopiesField(props: { value: Copies; readOnly: boolean; onChange: (copies: { code: string; count: number } | null) => void }) {
  const code = props.value?.code ?? '';
  const count = props.value?.count ?? '';
  // no code, no Ô 12: a count alone would not print
  const set = (nextCode: string, nextCount: number | '') => props.onChange(nextCode.trim() ? { code: nextCode.trim().toLocaleUpperCase('vi'), count: nextCount || 1 } : null);
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 2 }}>
      <Typography variant="subtitle2" sx={{ width: 220 }}>
        Ô 12: người đánh máy, số bản
      </Typography>
      <TextField size="small" label="Ký hiệu người đánh máy" disabled={props.readOnly} value={code} sx={{ width: 200 }} onChange={(e) => set(e.target.value, count)} helperText='Chữ in hoa, ví dụ "PL"' />
      <TextField size="small" type="number" label="Số lượng bản" disabled={props.readOnly || !code} value={count} sx={{ width: 140 }} onChange={(e) => set(code, e.target.value === '' ? '' : Number(e.target.value))} />
      <Typography variant="body2" color="text.secondary">
        {props.value ? `In: "- Lưu: VT, …, ${props.value.code}.(${props.value.count})."` : 'Không in'}
      </Typography>
    </Stack>
  );
}
