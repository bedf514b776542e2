import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import type { AgencyRef } from '../../../../shared/plans';
import { TASK_FIELD_IDS, TASK_FIELDS, type CellContext, type DraftTask } from '../../../../shared/task-cells';
import { guessTaskColumns, resolveNames, rowsToTasks, unmatchedNames, type TaskColumnMapping } from '../../../../shared/task-import';
import { api } from '../../api';
import { readFile } from '../../files';
import type { RefOption } from '../RefPicker';

const columnName = (i: number) => `Cột ${i >= 26 ? String.fromCharCode(64 + Math.floor(i / 26)) : ''}${String.fromCharCode(65 + (i % 26))}`;

type Sheet = { rows: string[][]; columns: number; fileName: string };

/**
 * Tasks from a spreadsheet: pick the file, check which column is which (guessed from the header),
 * review the agency names that did not match the registry, then add the tasks to the editor.
 * Nothing is stored here; the plan's own save writes them.
 */
export function TaskImportDialog(props: { ctx: CellContext; options: RefOption[]; onClose: () => void; onImport: (tasks: DraftTask[]) => void }) {
  const [sheet, setSheet] = useState<Sheet>();
  const [mapping, setMapping] = useState<TaskColumnMapping>();
  const [headerRow, setHeaderRow] = useState(true);
  const [step, setStep] = useState<'file' | 'mapping' | 'review'>('file');
  const [picks, setPicks] = useState<Map<string, AgencyRef>>(new Map());
  const [failure, setFailure] = useState<string>();

  const tasks = useMemo(() => (sheet && mapping && step === 'review' ? rowsToTasks(headerRow ? sheet.rows.slice(1) : sheet.rows, mapping, props.ctx) : []), [sheet, mapping, headerRow, step, props.ctx]);
  const names = useMemo(() => unmatchedNames(tasks), [tasks]);
  const errors = tasks.flatMap((t, i) => Object.values(t.issues ?? {}).flatMap((issue) => (issue?.level === 'error' ? [`Nhiệm vụ ${i + 1}: ${issue.message}`] : [])));

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setFailure(undefined);
    try {
      const read = await api.readTaskSheet({ file: await readFile(file) });
      if (read.rows.length === 0) throw new Error(`Tệp "${file.name}" không có dòng nào.`);
      const guess = guessTaskColumns(read.rows[0]!);
      setSheet({ ...read, fileName: file.name });
      setMapping(guess.mapping);
      setHeaderRow(guess.headerRow);
      setStep('mapping');
    } catch (err) {
      setFailure((err as Error).message);
    }
  };

  const header = sheet?.rows[0] ?? [];
  const columnLabel = (i: number) => (headerRow && header[i] ? `${columnName(i)} — ${header[i]}` : columnName(i));

  return (
    <Dialog open onClose={props.onClose} maxWidth="md" fullWidth aria-labelledby="task-import-title">
      <DialogTitle id="task-import-title">Nhập nhiệm vụ từ Excel/CSV</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {failure && <Alert severity="error">{failure}</Alert>}
          {step === 'file' && (
            <Stack spacing={1}>
              <Typography>Chọn tệp .xlsx (trang tính đầu tiên) hoặc .csv (UTF-8). Mỗi dòng là một nhiệm vụ; bước sau cho chọn cột nào là nội dung, cơ quan chủ trì, phối hợp, thời gian.</Typography>
              <Button variant="outlined" component="label" sx={{ alignSelf: 'flex-start' }}>
                Chọn tệp…
                <input hidden type="file" aria-label="Tệp nhiệm vụ" accept=".xlsx,.csv" onChange={(e) => void choose(e.target.files?.[0])} />
              </Button>
            </Stack>
          )}
          {step === 'mapping' && sheet && mapping && (
            <>
              <Typography>
                Tệp "{sheet.fileName}": {sheet.rows.length} dòng. Kiểm tra cột của từng trường (đã đoán theo dòng tiêu đề).
              </Typography>
              <FormControlLabel control={<Checkbox checked={headerRow} onChange={(e) => setHeaderRow(e.target.checked)} />} label="Dòng đầu là tiêu đề (không nhập)" />
              <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap' }}>
                {TASK_FIELD_IDS.map((f) => (
                  <TextField
                    key={f}
                    select
                    sx={{ width: 260 }}
                    label={`Cột ${TASK_FIELDS[f].toLowerCase()}`}
                    value={mapping[f] ?? ''}
                    onChange={(e) => setMapping({ ...mapping, [f]: e.target.value === '' ? null : Number(e.target.value) })}
                  >
                    <MenuItem value="">(không có)</MenuItem>
                    {Array.from({ length: sheet.columns }, (_, i) => (
                      <MenuItem key={i} value={i}>
                        {columnLabel(i)}
                      </MenuItem>
                    ))}
                  </TextField>
                ))}
              </Stack>
              <Table size="small" aria-label="Các dòng đầu của tệp">
                <TableHead>
                  <TableRow>
                    {Array.from({ length: sheet.columns }, (_, i) => (
                      <TableCell key={i} sx={{ whiteSpace: 'nowrap' }}>
                        {columnName(i)}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {sheet.rows.slice(0, 5).map((r, i) => (
                    <TableRow key={i}>
                      {Array.from({ length: sheet.columns }, (_, c) => (
                        <TableCell key={c} sx={{ whiteSpace: 'pre-line', maxWidth: 260, verticalAlign: 'top' }}>
                          {r[c] ?? ''}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {mapping.content === null && <Alert severity="warning">Chọn cột nhiệm vụ, giải pháp: không có nội dung thì nhiệm vụ không lưu được.</Alert>}
            </>
          )}
          {step === 'review' && (
            <>
              <Typography>
                {tasks.length} nhiệm vụ sẽ được thêm vào phụ lục, xếp theo thứ tự chỉ số thành phần.
              </Typography>
              {errors.length > 0 && (
                <Alert severity="warning">
                  {errors.length} ô không đọc được; chữ trong tệp được giữ nguyên và đánh dấu đỏ trên bảng để sửa (kế hoạch chưa lưu được cho đến khi sửa):
                  {errors.slice(0, 10).map((e) => (
                    <div key={e}>{e}</div>
                  ))}
                  {errors.length > 10 && <div>… và {errors.length - 10} ô khác.</div>}
                </Alert>
              )}
              {names.length === 0 ? (
                <Alert severity="success">Mọi tên cơ quan chủ trì và phối hợp đều khớp danh mục.</Alert>
              ) : (
                <>
                  <Typography>
                    {names.length} tên cơ quan không khớp (hoặc khớp nhiều) cơ quan trong danh mục. Chọn cơ quan tương ứng, hoặc để trống để giữ nguyên tên (in nguyên văn, xem lại sau).
                  </Typography>
                  <Table size="small" aria-label="Tên cơ quan cần xem lại">
                    <TableHead>
                      <TableRow>
                        <TableCell>Tên trong tệp</TableCell>
                        <TableCell>Cơ quan trong danh mục</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {names.map((name) => (
                        <TableRow key={name}>
                          <TableCell>{name}</TableCell>
                          <TableCell sx={{ width: 360 }}>
                            <Autocomplete
                              size="small"
                              options={props.options}
                              groupBy={(o) => o.kind}
                              value={props.options.find((o) => JSON.stringify(o.ref) === JSON.stringify(picks.get(name))) ?? null}
                              onChange={(_e, o) => {
                                const next = new Map(picks);
                                if (o) next.set(name, o.ref);
                                else next.delete(name);
                                setPicks(next);
                              }}
                              renderInput={(p) => <TextField {...p} label={`Cơ quan cho "${name}"`} placeholder="Để sau (giữ nguyên tên)" />}
                            />
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </>
              )}
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Hủy</Button>
        {step === 'mapping' && (
          <Button variant="contained" disabled={!mapping || mapping.content === null} onClick={() => setStep('review')}>
            Tiếp tục
          </Button>
        )}
        {step === 'review' && (
          <>
            <Button onClick={() => setStep('mapping')}>Quay lại</Button>
            <Button variant="contained" disabled={tasks.length === 0} onClick={() => props.onImport(resolveNames(tasks, picks))}>
              Thêm {tasks.length} nhiệm vụ
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
