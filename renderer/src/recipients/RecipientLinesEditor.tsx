import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Agency, AgencyGroup } from '../../../shared/agencies';
import type { RecipientLine } from '../../../shared/recipients';

type LineType = RecipientLine['type'];

/** A line while it is edited: the agency or group may not be chosen yet. */
export interface EditorLine {
  key: number;
  type: LineType;
  agencyId: number | null;
  groupId: number | null;
  text: string;
  note: string;
}

let nextKey = 1;
const editorLine = (line: Partial<EditorLine> & { type: LineType }): EditorLine => ({ key: nextKey++, agencyId: null, groupId: null, text: '', note: '', ...line });

export function fromLines(lines: readonly RecipientLine[]): EditorLine[] {
  return lines.map((l) =>
    editorLine(l.type === 'agency' ? { type: 'agency', agencyId: l.agencyId, note: l.note } : l.type === 'group' ? { type: 'group', groupId: l.groupId, note: l.note } : { type: 'text', text: l.text, note: l.note }),
  );
}

/** Lines the contract accepts; with completeOnly, unfinished ones (no agency picked yet) are left out. */
export function toLines(lines: readonly EditorLine[], completeOnly: boolean): RecipientLine[] {
  const out: RecipientLine[] = [];
  for (const l of lines) {
    if (l.type === 'agency' && (l.agencyId || !completeOnly)) out.push({ type: 'agency', agencyId: l.agencyId ?? 0, note: l.note });
    else if (l.type === 'group' && (l.groupId || !completeOnly)) out.push({ type: 'group', groupId: l.groupId ?? 0, note: l.note });
    else if (l.type === 'text' && (l.text.trim() || !completeOnly)) out.push({ type: 'text', text: l.text, note: l.note });
  }
  return out;
}

/** Ordered Nơi nhận / Kính gửi lines: an agency, a group or free text, each with an optional note. */
export function RecipientLinesEditor(props: { lines: EditorLine[]; agencies: Agency[]; groups: AgencyGroup[]; readOnly?: boolean; onChange: (lines: EditorLine[]) => void }) {
  const { lines, agencies, groups, onChange } = props;
  const readOnly = props.readOnly ?? false;
  const activeAgencies = agencies.filter((a) => a.active);
  const setLine = (key: number, patch: Partial<EditorLine>) => onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const move = (index: number, delta: number) => {
    const next = [...lines];
    const [line] = next.splice(index, 1);
    next.splice(index + delta, 0, line!);
    onChange(next);
  };
  return (
    <Paper variant="outlined" sx={{ p: 1 }}>
      {lines.length === 0 && <Typography sx={{ p: 1 }} color="text.secondary">Chưa có dòng nào. Thêm cơ quan, nhóm hoặc dòng tự nhập.</Typography>}
      {lines.map((line, i) => (
        <Stack key={line.key} direction="row" spacing={1} sx={{ alignItems: 'center', py: 0.5 }}>
          <Typography sx={{ width: 24, textAlign: 'right' }} color="text.secondary">
            {i + 1}.
          </Typography>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            {line.type === 'agency' && (
              <Autocomplete
                disabled={readOnly}
                options={activeAgencies}
                value={agencies.find((a) => a.id === line.agencyId) ?? null}
                getOptionLabel={(a) => a.shortName}
                isOptionEqualToValue={(a, b) => a.id === b.id}
                onChange={(_e, a) => setLine(line.key, { agencyId: a?.id ?? null })}
                renderInput={(params) => <TextField {...params} label={`Dòng ${i + 1}: cơ quan`} />}
                noOptionsText="Không có cơ quan phù hợp"
              />
            )}
            {line.type === 'group' && (
              <Autocomplete
                disabled={readOnly}
                options={groups}
                value={groups.find((g) => g.id === line.groupId) ?? null}
                getOptionLabel={(g) => g.name}
                isOptionEqualToValue={(a, b) => a.id === b.id}
                onChange={(_e, g) => setLine(line.key, { groupId: g?.id ?? null })}
                renderInput={(params) => <TextField {...params} label={`Dòng ${i + 1}: nhóm`} />}
                noOptionsText="Chưa có nhóm"
              />
            )}
            {line.type === 'text' && <TextField disabled={readOnly} label={`Dòng ${i + 1}: tự nhập`} value={line.text} onChange={(e) => setLine(line.key, { text: e.target.value })} />}
          </Box>
          <TextField disabled={readOnly} sx={{ width: 110 }} label="Ghi chú" placeholder="(để b/c)" value={line.note} onChange={(e) => setLine(line.key, { note: e.target.value })} />
          <IconButton aria-label={`Đưa dòng ${i + 1} lên`} disabled={readOnly || i === 0} onClick={() => move(i, -1)} size="small">
            <ArrowUpwardIcon fontSize="small" />
          </IconButton>
          <IconButton aria-label={`Đưa dòng ${i + 1} xuống`} disabled={readOnly || i === lines.length - 1} onClick={() => move(i, 1)} size="small">
            <ArrowDownwardIcon fontSize="small" />
          </IconButton>
          <IconButton disabled={readOnly} aria-label={`Xóa dòng ${i + 1}`} onClick={() => onChange(lines.filter((l) => l.key !== line.key))} size="small">
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      {!readOnly && (
      <Stack direction="row" spacing={1} sx={{ pt: 1 }}>
        <Button onClick={() => onChange([...lines, editorLine({ type: 'agency' })])}>+ Cơ quan</Button>
        <Button onClick={() => onChange([...lines, editorLine({ type: 'group' })])}>+ Nhóm</Button>
        <Button onClick={() => onChange([...lines, editorLine({ type: 'text' })])}>+ Dòng tự nhập</Button>
      </Stack>
      )}
    </Paper>
  );
}
