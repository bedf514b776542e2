import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  DataGrid,
  GridActionsCellItem,
  gridFocusCellSelector,
  useGridApiRef,
  type GridCellParams,
  type GridColDef,
  type GridRenderCellParams,
  type GridRowSelectionModel,
} from '@mui/x-data-grid';
import { viVN } from '@mui/x-data-grid/locales';
import { useMemo, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { AgencyRegistry } from '../../../shared/agency-match';
import { componentsOfYear, type IndexComponent } from '../../../shared/indices';
import type { TaskInput } from '../../../shared/plans';
import { blankTask, cellText, missingFields, setCellText, sortByComponent, insertByComponent, TASK_FIELD_IDS, TASK_FIELDS, type CellContext, type DraftTask, type TaskField } from '../../../shared/task-cells';
import { pasteBlock } from '../../../shared/task-paste';
import { parseTsv } from '../../../shared/tsv';
import { refLabel, type RefOption } from './RefPicker';
import { TaskBulkDialog } from './tasks/TaskBulkDialog';
import { ChoiceEditCell, ChoicesEditCell, MultilineEditCell, type Choice } from './tasks/TaskCellEditors';
import { TaskImportDialog } from './tasks/TaskImportDialog';
import { useTaskHistory } from './tasks/useTaskHistory';

export type EditorTask = DraftTask & { key: number };
let nextKey = 1;
export const withKey = (t: TaskInput): EditorTask => ({ ...t, key: nextKey++ });

type Row = { id: number; index: number } & Record<TaskField, string>;

const WIDTHS: Record<TaskField, number> = { component: 140, content: 240, lead: 140, coordinators: 150, deadline: 120, expectedOutput: 110 };

/** A cell's text, and under it what is wrong with it (kept as typed, never replaced silently). */
function CellView(props: { text: string; problem?: { level: 'error' | 'review'; message: string } | undefined }) {
  const { text, problem } = props;
  return (
    <Box sx={{ py: 0.75, whiteSpace: 'pre-line', lineHeight: 1.4, width: '100%' }} title={problem?.message}>
      {text}
      {problem && (
        <Typography component="div" variant="caption" role="note" sx={{ color: problem.level === 'error' ? 'error.main' : 'warning.dark', lineHeight: 1.3, mt: 0.25 }}>
          {problem.message}
        </Typography>
      )}
    </Box>
  );
}

/**
 * The Phụ lục as a grid: every column edited in place (typed as one writes it, matched when the
 * cell is committed), the grid's own keyboard navigation, a block pasted from Excel at the focused
 * cell, rows added, deleted, moved (Alt+↑/↓) or sorted by the index's components, each change undoable
 * (Ctrl+Z, or "Hoàn tác" on the message).
 */
export function TasksEditor(props: {
  tasks: EditorTask[];
  components: IndexComponent[];
  indexYear: number | null;
  year: number;
  options: RefOption[];
  registry: AgencyRegistry;
  readOnly: boolean;
  onChange: (tasks: EditorTask[]) => void;
}) {
  const { tasks, readOnly } = props;
  const apiRef = useGridApiRef();
  const history = useTaskHistory(tasks, props.onChange);
  const [selection, setSelection] = useState<GridRowSelectionModel>({ type: 'include', ids: new Set() });
  const [bulk, setBulk] = useState<'lead' | 'deadline'>();
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<{ text: string; undo: boolean }>();
  const components = props.indexYear ? componentsOfYear(props.components, props.indexYear) : props.components;
  const ctx: CellContext = { components, registry: props.registry, year: props.year };
  const label = (ref: Parameters<typeof refLabel>[0]) => refLabel(ref, props.options);
  const selected = [...selection.ids].map(Number);
  const byKey = new Map(tasks.map((t) => [t.key, t]));

  const rows: Row[] = tasks.map((t, i) => ({
    id: t.key,
    index: i + 1,
    ...(Object.fromEntries(TASK_FIELD_IDS.map((f) => [f, cellText(t, f, label, props.components)])) as Record<TaskField, string>),
  }));

  const componentChoices: Choice[] = useMemo(() => components.map((c) => ({ label: `${c.code}. ${c.name}`, kind: c.parentId ? 'Chỉ số thành phần' : 'Nội dung' })), [components]);
  const agencyChoices: Choice[] = useMemo(() => props.options.map((o) => ({ label: o.label, kind: o.kind })), [props.options]);

  const change = (next: EditorTask[], text?: string) => {
    history.commit(next);
    if (text) setNotice({ text, undo: true });
  };
  const undo = () => {
    if (history.undo()) setNotice({ text: 'Đã hoàn tác.', undo: false });
  };
  const focusLater = (key: number, field: string) => requestAnimationFrame(() => apiRef.current?.setCellFocus(key, field));

  const move = (from: number, to: number, field = 'content') => {
    if (to < 0 || to >= tasks.length || from === to) return;
    const next = [...tasks];
    const [t] = next.splice(from, 1);
    next.splice(to, 0, t!);
    change(next);
    focusLater(t!.key, field);
  };
  const remove = (keys: number[]) => {
    if (keys.length === 0) return;
    change(
      tasks.filter((t) => !keys.includes(t.key)),
      `Đã xóa ${keys.length} nhiệm vụ.`,
    );
    setSelection({ type: 'include', ids: new Set() });
  };
  const add = () => {
    const t = withKey(blankTask());
    change([...tasks, t]);
    focusLater(t.key, 'content');
  };

  const problemOf = (t: EditorTask, field: TaskField) => t.issues?.[field] ?? (missingFields(t).find((m) => m.field === field) ? { level: 'error' as const, message: missingFields(t).find((m) => m.field === field)!.message } : undefined);

  const column = (field: TaskField, extra: Partial<GridColDef<Row>> = {}): GridColDef<Row> => ({
    field,
    headerName: field === 'deadline' ? 'Thời gian' : field === 'expectedOutput' ? 'Kết quả dự kiến' : TASK_FIELDS[field],
    description: TASK_FIELDS[field],
    width: WIDTHS[field],
    flex: field === 'content' ? 1 : 0,
    minWidth: WIDTHS[field],
    editable: !readOnly,
    sortable: false,
    renderCell: (p: GridRenderCellParams<Row, string>) => {
      const t = byKey.get(Number(p.id));
      return <CellView text={p.value ?? ''} problem={t ? problemOf(t, field) : undefined} />;
    },
    ...extra,
  });

  const columns: GridColDef<Row>[] = [
    { field: 'index', headerName: 'TT', width: 44, sortable: false, align: 'center', headerAlign: 'center' },
    column('component', { renderEditCell: (p) => <ChoiceEditCell {...p} choices={componentChoices} /> }),
    column('content', { renderEditCell: (p) => <MultilineEditCell {...p} /> }),
    column('lead', { renderEditCell: (p) => <ChoiceEditCell {...p} choices={agencyChoices} /> }),
    column('coordinators', { renderEditCell: (p) => <ChoicesEditCell {...p} choices={agencyChoices} /> }),
    column('deadline'),
    column('expectedOutput'),
    ...(readOnly
      ? []
      : [
          {
            field: 'actions',
            type: 'actions',
            headerName: '',
            width: 100,
            getActions: (p: GridCellParams<Row>) => {
              const i = tasks.findIndex((t) => t.key === p.id);
              return [
                <GridActionsCellItem key="up" icon={<ArrowUpwardIcon fontSize="small" />} label={`Đưa nhiệm vụ ${i + 1} lên`} disabled={i === 0} onClick={() => move(i, i - 1)} />,
                <GridActionsCellItem key="down" icon={<ArrowDownwardIcon fontSize="small" />} label={`Đưa nhiệm vụ ${i + 1} xuống`} disabled={i === tasks.length - 1} onClick={() => move(i, i + 1)} />,
                <GridActionsCellItem key="delete" icon={<DeleteIcon fontSize="small" />} label={`Xóa nhiệm vụ ${i + 1}`} onClick={() => remove([Number(p.id)])} />,
              ];
            },
          } as GridColDef<Row>,
        ]),
  ];

  const processRowUpdate = (next: Row, old: Row): Row => {
    const i = tasks.findIndex((t) => t.key === next.id);
    if (i < 0) return old;
    let t: EditorTask = tasks[i]!;
    for (const f of TASK_FIELD_IDS) if (next[f] !== old[f]) t = setCellText(t, f, next[f], ctx) as EditorTask;
    if (t === tasks[i]) return old;
    change(tasks.map((x, j) => (j === i ? t : x)));
    return { ...next, ...(Object.fromEntries(TASK_FIELD_IDS.map((f) => [f, cellText(t, f, label, props.components)])) as Record<TaskField, string>) };
  };

  const onPaste = (e: ClipboardEvent) => {
    if (readOnly || (e.target as HTMLElement).closest('input, textarea, [contenteditable="true"]')) return;
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    const focused = apiRef.current ? gridFocusCellSelector(apiRef) : null;
    const row = focused ? Math.max(0, tasks.findIndex((t) => t.key === focused.id)) : tasks.length;
    const column = focused ? Math.max(0, TASK_FIELD_IDS.indexOf(focused.field as TaskField)) : 0;
    const block = parseTsv(text);
    const result = pasteBlock(tasks, focused ? row : tasks.length, column, block, ctx, () => withKey(blankTask()));
    const parts = [`Đã dán ${block.length} dòng × ${Math.max(0, ...block.map((r) => r.length))} cột`];
    if (result.added) parts.push(`thêm ${result.added} nhiệm vụ (xếp theo thứ tự chỉ số thành phần)`);
    if (result.flagged) parts.push(`${result.flagged} ô cần xem lại (đánh dấu trên ô)`);
    if (result.droppedColumns) parts.push(`bỏ ${result.droppedColumns} cột thừa bên phải bảng`);
    change(result.tasks, `${parts.join('; ')}.`);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (readOnly || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z' || e.shiftKey) return;
    if ((e.target as HTMLElement).closest('input, textarea')) return;
    e.preventDefault();
    undo();
  };

  return (
    <Stack spacing={1.5}>
      {!readOnly && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', '& .MuiButton-root': { py: 0.25 } }}>
          <Button variant="outlined" onClick={add}>
            + Thêm nhiệm vụ
          </Button>
          <Button variant="outlined" onClick={() => setImporting(true)}>
            Nhập từ Excel/CSV…
          </Button>
          <Button disabled={tasks.length < 2} onClick={() => change(sortByComponent(tasks, props.components), 'Đã sắp xếp theo thứ tự chỉ số thành phần.')}>
            Sắp xếp theo thứ tự chỉ số thành phần
          </Button>
          {selected.length > 0 && (
            <>
              <Button onClick={() => setBulk('lead')}>Đổi cơ quan chủ trì ({selected.length})</Button>
              <Button onClick={() => setBulk('deadline')}>Đổi thời gian ({selected.length})</Button>
              <Button color="error" onClick={() => remove(selected)}>
                Xóa {selected.length} nhiệm vụ
              </Button>
            </>
          )}
        </Stack>
      )}
      {!readOnly && (
        <Typography variant="caption" color="text.secondary">
          Gõ để sửa ô, Enter để xong (Shift+Enter xuống dòng trong ô), Ctrl+V dán khối ô chép từ Excel vào ô đang chọn, Alt+↑/↓ chuyển dòng, Ctrl+Z hoàn tác. Thời gian gõ như: 31/12/2022, Quý II, Tháng 6, Thường xuyên.
        </Typography>
      )}
      <Box onPaste={onPaste} onKeyDown={onKeyDown} sx={{ height: 'calc(100vh - 370px)', minHeight: 380 }}>
        <DataGrid
          apiRef={apiRef}
          aria-label="Nhiệm vụ của phụ lục"
          rows={rows}
          columns={columns}
          localeText={viVN.components.MuiDataGrid.defaultProps.localeText}
          getRowHeight={() => 'auto'}
          density="compact"
          checkboxSelection={!readOnly}
          disableRowSelectionOnClick
          disableColumnMenu
          rowSelectionModel={selection}
          onRowSelectionModelChange={setSelection}
          processRowUpdate={processRowUpdate}
          hideFooter={tasks.length <= 100}
          getCellClassName={(p) => {
            const t = byKey.get(Number(p.id));
            const problem = t && TASK_FIELD_IDS.includes(p.field as TaskField) ? problemOf(t, p.field as TaskField) : undefined;
            return problem ? `task-cell-${problem.level}` : '';
          }}
          onCellKeyDown={(p, e) => {
            if (readOnly || p.cellMode !== 'view' || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
            (e as unknown as { defaultMuiPrevented: boolean }).defaultMuiPrevented = true;
            e.preventDefault();
            const i = tasks.findIndex((t) => t.key === p.id);
            move(i, e.key === 'ArrowUp' ? i - 1 : i + 1, p.field);
          }}
          slots={{
            noRowsOverlay: () => (
              <Stack sx={{ height: '100%', alignItems: 'center', justifyContent: 'center', px: 2 }}>
                <Typography color="text.secondary">
                  Chưa có nhiệm vụ. Thêm từng nhiệm vụ, dán một khối ô chép từ Excel (Ctrl+V), nhập từ tệp, hoặc tạo kế hoạch từ các chỉ số giảm điểm (Chỉ số → So sánh các năm).
                </Typography>
              </Stack>
            ),
          }}
          sx={{
            '& .MuiDataGrid-cell': { alignItems: 'flex-start', display: 'flex' },
            '& .task-cell-error': { bgcolor: 'rgba(211, 47, 47, 0.08)', boxShadow: 'inset 0 0 0 1px rgba(211, 47, 47, 0.6)' },
            '& .task-cell-review': { bgcolor: 'rgba(237, 108, 2, 0.08)' },
          }}
        />
      </Box>
      <Snackbar
        open={Boolean(notice)}
        autoHideDuration={8000}
        onClose={(_e, reason) => reason !== 'clickaway' && setNotice(undefined)}
        message={notice?.text}
        action={
          notice?.undo ? (
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                undo();
              }}
            >
              Hoàn tác
            </Button>
          ) : undefined
        }
      />
      {bulk && (
        <TaskBulkDialog
          kind={bulk}
          options={props.options}
          year={props.year}
          count={selected.length}
          onClose={() => setBulk(undefined)}
          onApply={(patch) => {
            change(tasks.map((t) => (selected.includes(t.key) ? { ...t, ...patch, issues: { ...t.issues, ...(patch.lead ? { lead: undefined } : { deadline: undefined }) } } : t)));
            setBulk(undefined);
          }}
        />
      )}
      {importing && (
        <TaskImportDialog
          ctx={ctx}
          options={props.options}
          onClose={() => setImporting(false)}
          onImport={(added) => {
            change(insertByComponent(tasks, added.map(withKey), components), `Đã thêm ${added.length} nhiệm vụ từ tệp (xếp theo thứ tự chỉ số thành phần).`);
            setImporting(false);
          }}
        />
      )}
    </Stack>
  );
}
