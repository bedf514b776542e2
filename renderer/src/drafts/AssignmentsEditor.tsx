import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { DraftInput } from '../../../shared/drafts';
import { BodyEditor } from '../editor/BodyEditor';
import { RefPicker, type RefOption } from '../plans/RefPicker';

type Assignment = Extract<DraftInput['content'], { kind: 'chi-thi' }>['assignments'][number];

/** "1. Sở X: …" items of a Chỉ thị; numbers follow the order, so moving one renumbers the rest. */
export function AssignmentsEditor(props: { value: Assignment[]; options: RefOption[]; readOnly: boolean; onChange: (v: Assignment[]) => void}) {
  const { value, readOnly } = props;
  const set = (i: number, patch: Partial<Assignment>) => props.onChange(value.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const move = (i: number, d: number) => {
    const next = [...value];
    const [a] = next.splice(i, 1);
    next.splice(i + d, 0, a!);
    props.onChange(next);
  };
  return (
    <Stack spacing={2}>
      {value.map((a, i) => (
        <Paper key={i} variant="outlined" sx={{ p: 2 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <Typography sx={{ fontWeight: 700, pt: 1, minWidth: 28 }}>{i + 1}.</Typography>
            <Stack spacing={1} sx={{ flex: 1 }}>
              <RefPicker disabled={readOnly} label={`Nhiệm vụ ${i + 1}: cơ quan được giao`} options={props.options} value={a.addressee} onChange={(addressee) => addressee && set(i, { addressee })} />
              <TextField disabled={readOnly} multiline label="Nội dung (viết tiếp sau tên cơ quan)" value={a.text} onChange={(e) => set(i, { text: e.target.value })} />
              <BodyEditor dense label={`Nhiệm vụ ${i + 1}: các ý tiếp theo`} blocks={a.items} readOnly={readOnly} onChange={(items) => set(i, { items: items as Assignment['items'] })} />
            </Stack>
            {!readOnly && (
              <Stack>
                <IconButton size="small" aria-label={`Đưa nhiệm vụ ${i + 1} lên`} disabled={i === 0} onClick={() => move(i, -1)}>
                  <ArrowUpwardIcon fontSize="small" />
                </IconButton>
                <IconButton size="small" aria-label={`Đưa nhiệm vụ ${i + 1} xuống`} disabled={i === value.length - 1} onClick={() => move(i, 1)}>
                  <ArrowDownwardIcon fontSize="small" />
                </IconButton>
                <IconButton size="small" aria-label={`Xóa nhiệm vụ ${i + 1}`} onClick={() => props.onChange(value.filter((_, j) => j !== i))}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </Stack>
            )}
          </Stack>
        </Paper>
      ))}
      {!readOnly && (
        <div>
          <Button variant="outlined" onClick={() => props.onChange([...value, { addressee: { type: 'text', text: 'Cơ quan' }, text: '', items: [] }])}>
            + Giao nhiệm vụ cho một cơ quan
          </Button>
        </div>
      )}
    </Stack>
  );
}
