import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { formatScore, parseScore, type IndexComponent, type IndexDefinition } from '../../../shared/indices';
import { api } from '../api';
import { EditDialog } from '../components/EditDialog';
import { IntegerField } from '../components/IntegerField';
import { useInvalidFields } from '../components/useInvalidFields';
import { useDirty } from '../components/useDirty';

type Draft = Omit<IndexComponent, 'id' | 'maxScore' | 'weight' | 'revision'> & { id?: number; revision?: number; maxScore: string; weight: string };

/** The index's parts per year: what changes between editions is edited here, not coded. */
export function Structure({ index, onChanged }: { index: IndexDefinition; onChanged: (all: IndexDefinition[]) => void }) {
  const [draft, setDraft] = useState<Draft>();
  const [opened, setOpened] = useState<Draft>();
  const [failure, setFailure] = useState<string>();
  const dirty = useDirty(draft, opened);
  const invalid = useInvalidFields();
  // a score that is not a number is shown beside its field and refuses the save, never saved as empty
  const scoreError = (s: string) => (Number.isNaN(parseScore(s)) ? `Không phải số: ${s.trim()}` : undefined);
  async function save() {
    if (!draft) return;
    if (invalid.first) return setFailure(`Chưa lưu — ${invalid.first}`);
    if (scoreError(draft.maxScore) || scoreError(draft.weight)) return setFailure('Chưa lưu: Điểm tối đa và Trọng số phải là số (ví dụ: 10 hoặc 2,5).');
    try {
      const { maxScore, weight, ...rest } = draft;
      onChanged(await api.saveIndexComponent({ ...rest, maxScore: parseScore(maxScore), weight: parseScore(weight) }));
      setDraft(undefined);
    } catch (err) {
      setFailure((err as Error).message);
    }
  }
  const edit = (c?: IndexComponent) => {
    setFailure(undefined);
    const start: Draft = c
      ? { ...c, maxScore: formatScore(c.maxScore), weight: formatScore(c.weight) }
      : { indexId: index.id, parentId: null, code: '', name: '', maxScore: '', weight: '', firstYear: new Date().getFullYear(), lastYear: null, confirmed: true };
    setDraft(start);
    setOpened(start);
  };
  return (
    <Stack spacing={2}>
      <div>
        <Button variant="outlined" onClick={() => edit()}>
          Thêm thành phần
        </Button>
      </div>
      {failure && !draft && (
        <Alert severity="error" onClose={() => setFailure(undefined)}>
          {failure}
        </Alert>
      )}
      <Paper variant="outlined">
        <Table size="small" aria-label="Cấu trúc chỉ số">
          <TableHead>
            <TableRow>
              <TableCell>TT</TableCell>
              <TableCell>Thành phần</TableCell>
              <TableCell align="right">Tối đa</TableCell>
              <TableCell align="right">Trọng số</TableCell>
              <TableCell>Áp dụng</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {index.components.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{c.code}</TableCell>
                <TableCell sx={{ pl: c.parentId ? 4 : 2 }}>
                  {c.name}
                  {!c.confirmed && <em> (chưa xác nhận)</em>}
                </TableCell>
                <TableCell align="right">{formatScore(c.maxScore)}</TableCell>
                <TableCell align="right">{c.weight !== null ? `${formatScore(c.weight)}%` : ''}</TableCell>
                <TableCell>
                  {c.firstYear}–{c.lastYear ?? 'nay'}
                </TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => edit(c)}>
                    Sửa
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {draft && (
        <EditDialog dirty={dirty} onClose={() => setDraft(undefined)} maxWidth="sm" fullWidth>
          <DialogTitle>{draft.id ? 'Sửa thành phần' : 'Thêm thành phần'}</DialogTitle>
          <DialogContent>
            {failure && (
              <Alert severity="error" sx={{ mb: 1 }}>
                {failure}
              </Alert>
            )}
            <Stack spacing={2} sx={{ pt: 1 }}>
              <TextField select label="Thuộc chỉ số nội dung" value={draft.parentId ?? ''} onChange={(e) => setDraft({ ...draft, parentId: e.target.value === '' ? null : Number(e.target.value) })}>
                <MenuItem value="">(là chỉ số nội dung)</MenuItem>
                {index.components
                  .filter((c) => c.parentId === null && c.id !== draft.id)
                  .map((c) => (
                    <MenuItem key={c.id} value={c.id}>
                      {c.code}. {c.name}
                    </MenuItem>
                  ))}
              </TextField>
              <Stack direction="row" spacing={2}>
                <TextField sx={{ width: 120 }} label="Số thứ tự" value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.target.value })} />
                <TextField label="Tên" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
              </Stack>
              <Stack direction="row" spacing={2}>
                <TextField
                  label="Điểm tối đa"
                  value={draft.maxScore}
                  onChange={(e) => setDraft({ ...draft, maxScore: e.target.value })}
                  error={Boolean(scoreError(draft.maxScore))}
                  helperText={scoreError(draft.maxScore) ?? ' '}
                />
                <TextField
                  label="Trọng số (%)"
                  value={draft.weight}
                  onChange={(e) => setDraft({ ...draft, weight: e.target.value })}
                  error={Boolean(scoreError(draft.weight))}
                  helperText={scoreError(draft.weight) ?? ' '}
                />
              </Stack>
              <Stack direction="row" spacing={2}>
                <IntegerField label="Từ năm" required value={draft.firstYear} onChange={(n) => n !== null && setDraft({ ...draft, firstYear: n })} onInvalid={(m) => invalid.report('Từ năm', m)} />
                <IntegerField
                  label="Đến năm (để trống nếu còn dùng)"
                  value={draft.lastYear}
                  onChange={(lastYear) => setDraft({ ...draft, lastYear })}
                  onInvalid={(m) => invalid.report('Đến năm', m)}
                />
              </Stack>
              <FormControlLabel control={<Checkbox checked={draft.confirmed} onChange={(e) => setDraft({ ...draft, confirmed: e.target.checked })} />} label="Đã đối chiếu với văn bản công bố" />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setDraft(undefined)}>Hủy</Button>
            <Button variant="contained" onClick={() => void save()}>
              Lưu
            </Button>
          </DialogActions>
        </EditDialog>
      )}
    </Stack>
  );
}
