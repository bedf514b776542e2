import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type KeyboardEvent } from 'react';
import { componentsOfYear, type IndexComponent } from '../../../shared/indices';
import { formatDeadline, type AgencyRef, type Deadline, type TaskInput } from '../../../shared/plans';
import { DeadlineEditor } from './DeadlineEditor';
import { RefPicker, RefsPicker, refLabel, type RefOption } from './RefPicker';

export type EditorTask = TaskInput & { key: number };
let nextKey = 1;
export const withKey = (t: TaskInput): EditorTask => ({ ...t, key: nextKey++ });

function TaskDialog(props: { task: EditorTask; components: IndexComponent[]; options: RefOption[]; year: number; onClose: () => void; onSave: (t: EditorTask) => void }) {
  const [t, setT] = useState(props.task);
  return (
    <Dialog open onClose={props.onClose} maxWidth="md" fullWidth aria-labelledby="task-title">
      <DialogTitle id="task-title">Nhiệm vụ</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {props.components.length > 0 ? (
            <TextField select label="Chỉ số thành phần" value={t.componentId ?? ''} onChange={(e) => setT({ ...t, componentId: e.target.value === '' ? null : Number(e.target.value) })}>
              <MenuItem value="">(không gắn với chỉ số)</MenuItem>
              {props.components.map((c) => (
                <MenuItem key={c.id} value={c.id} sx={{ pl: c.parentId ? 4 : 2 }}>
                  {c.code}. {c.name}
                </MenuItem>
              ))}
            </TextField>
          ) : null}
          {t.componentId === null && <TextField label="Nội dung thành phần (tự ghi)" value={t.componentLabel} onChange={(e) => setT({ ...t, componentLabel: e.target.value })} />}
          <TextField label="Nhiệm vụ, giải pháp" multiline minRows={3} value={t.content} onChange={(e) => setT({ ...t, content: e.target.value })} helperText="Mỗi dòng là một đoạn trong phụ lục" />
          <RefPicker label="Cơ quan chủ trì" options={props.options} value={t.lead} onChange={(lead) => setT({ ...t, lead })} />
          <RefsPicker label="Cơ quan phối hợp" options={props.options} value={t.coordinators} onChange={(coordinators) => setT({ ...t, coordinators })} />
          <DeadlineEditor value={t.deadline as Deadline} year={props.year} onChange={(deadline) => setT({ ...t, deadline })} />
          <TextField label="Kết quả dự kiến" value={t.expectedOutput} onChange={(e) => setT({ ...t, expectedOutput: e.target.value })} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Hủy</Button>
        <Button variant="contained" onClick={() => props.onSave(t)}>
          Xong
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function BulkDialog(props: { kind: 'lead' | 'deadline'; options: RefOption[]; year: number; count: number; onClose: () => void; onApply: (patch: Partial<TaskInput>) => void }) {
  const [lead, setLead] = useState<AgencyRef | null>(null);
  const [deadline, setDeadline] = useState<Deadline>({ kind: 'thuong-xuyen' });
  return (
    <Dialog open onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{props.kind === 'lead' ? `Đổi cơ quan chủ trì của ${props.count} nhiệm vụ` : `Đổi thời gian của ${props.count} nhiệm vụ`}</DialogTitle>
      <DialogContent>
        <Stack sx={{ pt: 1 }}>
          {props.kind === 'lead' ? <RefPicker label="Cơ quan chủ trì" options={props.options} value={lead} onChange={setLead} /> : <DeadlineEditor value={deadline} year={props.year} onChange={setDeadline} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Hủy</Button>
        <Button variant="contained" disabled={props.kind === 'lead' && !lead} onClick={() => props.onApply(props.kind === 'lead' ? { lead } : { deadline })}>
          Áp dụng
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The Phụ lục rows: edit in a dialog, reorder with the mouse (drag or arrows) or the keyboard (Alt+↑/↓), bulk-edit the selection. */
export function TasksEditor(props: { tasks: EditorTask[]; components: IndexComponent[]; indexYear: number | null; year: number; options: RefOption[]; readOnly: boolean; onChange: (tasks: EditorTask[]) => void }) {
  const { tasks, readOnly } = props;
  const [editing, setEditing] = useState<EditorTask>();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [bulk, setBulk] = useState<'lead' | 'deadline'>();
  const [dragged, setDragged] = useState<number>();
  const components = props.indexYear ? componentsOfYear(props.components, props.indexYear) : props.components;
  const componentName = (t: EditorTask) => {
    const c = props.components.find((x) => x.id === t.componentId);
    return c ? `${c.code}. ${c.name}` : t.componentLabel;
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= tasks.length || from === to) return;
    const next = [...tasks];
    const [t] = next.splice(from, 1);
    next.splice(to, 0, t!);
    props.onChange(next);
  };
  const onKey = (e: KeyboardEvent, i: number) => {
    if (!e.altKey || readOnly) return;
    if (e.key === 'ArrowUp') move(i, i - 1);
    else if (e.key === 'ArrowDown') move(i, i + 1);
    else return;
    e.preventDefault();
  };
  const blank = (): EditorTask =>
    withKey({ componentId: null, componentLabel: '', content: '', lead: null, coordinators: [], deadline: { kind: 'thuong-xuyen' }, expectedOutput: '' });

  return (
    <Stack spacing={2}>
      {!readOnly && (
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" onClick={() => setEditing(blank())}>
            + Thêm nhiệm vụ
          </Button>
          <Button disabled={selected.size === 0} onClick={() => setBulk('lead')}>
            Đổi cơ quan chủ trì ({selected.size})
          </Button>
          <Button disabled={selected.size === 0} onClick={() => setBulk('deadline')}>
            Đổi thời gian ({selected.size})
          </Button>
        </Stack>
      )}
      <Paper variant="outlined">
        <Table size="small" aria-label="Nhiệm vụ của phụ lục">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Checkbox
                  slotProps={{ input: { 'aria-label': 'Chọn tất cả' } }}
                  disabled={readOnly}
                  checked={tasks.length > 0 && selected.size === tasks.length}
                  onChange={(e) => setSelected(new Set(e.target.checked ? tasks.map((t) => t.key) : []))}
                />
              </TableCell>
              <TableCell>#</TableCell>
              <TableCell>Chỉ số thành phần</TableCell>
              <TableCell>Nhiệm vụ, giải pháp</TableCell>
              <TableCell>Chủ trì</TableCell>
              <TableCell>Phối hợp</TableCell>
              <TableCell>Thời gian</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {tasks.length === 0 && (
              <TableRow>
                <TableCell colSpan={8}>
                  <Typography color="text.secondary">Chưa có nhiệm vụ. Thêm từng nhiệm vụ, hoặc tạo kế hoạch từ các chỉ số giảm điểm (Chỉ số → So sánh các năm).</Typography>
                </TableCell>
              </TableRow>
            )}
            {tasks.map((t, i) => (
              <TableRow
                key={t.key}
                hover
                tabIndex={0}
                aria-label={`Nhiệm vụ ${i + 1}`}
                onKeyDown={(e) => onKey(e, i)}
                draggable={!readOnly}
                onDragStart={() => setDragged(i)}
                onDragOver={(e) => e.preventDefault()}
                onDrop={() => {
                  if (dragged !== undefined) move(dragged, i);
                  setDragged(undefined);
                }}
                sx={{ verticalAlign: 'top' }}
              >
                <TableCell padding="checkbox">
                  <Checkbox
                    disabled={readOnly}
                    slotProps={{ input: { 'aria-label': `Chọn nhiệm vụ ${i + 1}` } }}
                    checked={selected.has(t.key)}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(t.key);
                      else next.delete(t.key);
                      setSelected(next);
                    }}
                  />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {!readOnly && <DragIndicatorIcon fontSize="small" sx={{ verticalAlign: 'middle', color: 'text.disabled', cursor: 'grab' }} />}
                  {i + 1}
                </TableCell>
                <TableCell sx={{ maxWidth: 180 }}>{componentName(t)}</TableCell>
                <TableCell sx={{ maxWidth: 360, whiteSpace: 'pre-line' }}>{t.content}</TableCell>
                <TableCell sx={{ color: t.lead ? undefined : 'error.main' }}>{t.lead ? refLabel(t.lead, props.options) : 'Chưa chọn'}</TableCell>
                <TableCell>{t.coordinators.map((c) => refLabel(c, props.options)).join('; ')}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDeadline(t.deadline as Deadline)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {!readOnly && (
                    <>
                      <Button size="small" onClick={() => setEditing(t)} aria-label={`Sửa nhiệm vụ ${i + 1}`}>
                        Sửa
                      </Button>
                      <IconButton size="small" aria-label={`Đưa nhiệm vụ ${i + 1} lên`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                        <ArrowUpwardIcon fontSize="small" />
                      </IconButton>
                      <IconButton size="small" aria-label={`Đưa nhiệm vụ ${i + 1} xuống`} disabled={i === tasks.length - 1} onClick={() => move(i, i + 1)}>
                        <ArrowDownwardIcon fontSize="small" />
                      </IconButton>
                      <IconButton size="small" aria-label={`Xóa nhiệm vụ ${i + 1}`} onClick={() => props.onChange(tasks.filter((x) => x.key !== t.key))}>
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {editing && (
        <TaskDialog
          task={editing}
          components={components}
          options={props.options}
          year={props.year}
          onClose={() => setEditing(undefined)}
          onSave={(t) => {
            props.onChange(tasks.some((x) => x.key === t.key) ? tasks.map((x) => (x.key === t.key ? t : x)) : [...tasks, t]);
            setEditing(undefined);
          }}
        />
      )}
      {bulk && (
        <BulkDialog
          kind={bulk}
          options={props.options}
          year={props.year}
          count={selected.size}
          onClose={() => setBulk(undefined)}
          onApply={(patch) => {
            props.onChange(tasks.map((t) => (selected.has(t.key) ? { ...t, ...patch } : t)));
            setBulk(undefined);
          }}
        />
      )}
    </Stack>
  );
}
