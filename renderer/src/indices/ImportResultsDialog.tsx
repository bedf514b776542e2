import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
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
import { useState } from 'react';
import type { RequestInput, RequestOutput } from '../../../shared/api';
import type { FileContent } from '../../../shared/files';
import { formatScore, type IndexDefinition } from '../../../shared/indices';
import { api } from '../api';
import { EditDialog } from '../components/EditDialog';
import { readFile } from '../files';

type Mapping = RequestInput<'importIndexResults'>['mapping'];
type Check = RequestOutput<'importIndexResults'>;

const columnName = (i: number) => `Cột ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`;

function ColumnSelect(props: { label: string; columns: number; value: number | null; optional?: boolean; onChange: (v: number | null) => void }) {
  return (
    <TextField select label={props.label} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}>
      {props.optional && <MenuItem value="">(không có)</MenuItem>}
      {Array.from({ length: props.columns }, (_, i) => (
        <MenuItem key={i} value={i}>
          {columnName(i)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Results from a spreadsheet: pick the file, say which column is which, check, then import at once. */
export function ImportResultsDialog(props: { index: IndexDefinition; year: number; onClose: () => void; onImported: () => void }) {
  const [file, setFile] = useState<FileContent>();
  const [preview, setPreview] = useState<RequestOutput<'previewSpreadsheet'>>();
  const [year, setYear] = useState(props.year);
  const [mapping, setMapping] = useState<Mapping>({ component: 0, score: 1, rank: null, band: null, headerRow: true });
  const [check, setCheck] = useState<Check>();
  const [failure, setFailure] = useState<string>();

  const guard = async (work: () => Promise<void>) => {
    setFailure(undefined);
    try {
      await work();
    } catch (err) {
      setFailure((err as Error).message);
    }
  };
  const choose = (picked?: File) =>
    picked &&
    guard(async () => {
      const content = await readFile(picked);
      setFile(content);
      setCheck(undefined);
      const p = await api.previewSpreadsheet({ file: content });
      setPreview(p);
      setMapping((m) => ({ ...m, score: Math.min(1, Math.max(0, p.columns - 1)) }));
    });
  const run = (apply: boolean) =>
    guard(async () => {
      if (!file) return;
      const result = await api.importIndexResults({ file, indexId: props.index.id, year, mapping, apply });
      setCheck(result);
      if (result.applied) props.onImported();
    });
  const set = (patch: Partial<Mapping>) => {
    setMapping({ ...mapping, ...patch });
    setCheck(undefined);
  };

  return (
    <EditDialog dirty={file !== undefined} onClose={props.onClose} maxWidth="lg" fullWidth aria-labelledby="import-results-title">
      <DialogTitle id="import-results-title">Nhập kết quả Chỉ số {props.index.code} từ bảng tính</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button component="label" variant="outlined">
              Chọn tệp .xlsx / .csv
              <input hidden type="file" accept=".xlsx,.csv" aria-label="Tệp kết quả" onChange={(e) => void choose(e.target.files?.[0])} />
            </Button>
            <Typography>{file?.fileName}</Typography>
            <TextField sx={{ width: 110 }} label="Năm" type="number" value={year} onChange={(e) => setYear(Number(e.target.value))} />
          </Stack>
          {failure && <Alert severity="error">{failure}</Alert>}
          {preview && (
            <>
              <Typography variant="subtitle2">Các dòng đầu của tệp</Typography>
              <Table size="small" aria-label="Các dòng đầu của tệp">
                <TableHead>
                  <TableRow>
                    {Array.from({ length: preview.columns }, (_, i) => (
                      <TableCell key={i}>{columnName(i)}</TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {preview.rows.slice(0, 6).map((r, i) => (
                    <TableRow key={i}>
                      {Array.from({ length: preview.columns }, (_, j) => (
                        <TableCell key={j}>{r[j] ?? ''}</TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <ColumnSelect label="Cột thành phần (số hoặc tên)" columns={preview.columns} value={mapping.component} onChange={(v) => set({ component: v ?? 0 })} />
                <ColumnSelect label="Cột điểm" columns={preview.columns} value={mapping.score} onChange={(v) => set({ score: v ?? 0 })} />
                <ColumnSelect label="Cột xếp thứ" optional columns={preview.columns} value={mapping.rank} onChange={(rank) => set({ rank })} />
                <ColumnSelect label="Cột nhóm" optional columns={preview.columns} value={mapping.band} onChange={(band) => set({ band })} />
                <FormControlLabel sx={{ flexShrink: 0, whiteSpace: "nowrap" }} control={<Checkbox checked={mapping.headerRow} onChange={(e) => set({ headerRow: e.target.checked })} />} label="Dòng đầu là tiêu đề" />
              </Stack>
            </>
          )}
          {check && (
            <>
              <Alert severity={check.errors ? 'warning' : check.applied ? 'success' : 'info'}>
                {check.applied ? `Đã nhập ${check.matched} dòng vào kết quả năm ${year}.` : `${check.matched} dòng khớp thành phần, ${check.errors} dòng lỗi; các dòng không khớp được bỏ qua.`}
              </Alert>
              <Table size="small" aria-label="Kết quả đối chiếu">
                <TableHead>
                  <TableRow>
                    <TableCell>Dòng</TableCell>
                    <TableCell>Trong tệp</TableCell>
                    <TableCell>Khớp với</TableCell>
                    <TableCell align="right">Điểm</TableCell>
                    <TableCell align="right">Xếp thứ</TableCell>
                    <TableCell>Lỗi</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {check.rows.map((r) => (
                    <TableRow key={r.row} sx={{ opacity: r.match ? 1 : 0.5 }}>
                      <TableCell>{r.row}</TableCell>
                      <TableCell>{r.text}</TableCell>
                      <TableCell>{r.match ?? '(bỏ qua)'}</TableCell>
                      <TableCell align="right">{formatScore(r.score)}</TableCell>
                      <TableCell align="right">{r.rank ?? ''}</TableCell>
                      <TableCell sx={{ color: 'error.main' }}>{r.error}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Đóng</Button>
        <Button disabled={!file} onClick={() => void run(false)}>
          Kiểm tra
        </Button>
        <Button variant="contained" disabled={!check || check.errors > 0 || check.matched === 0 || check.applied} onClick={() => void run(true)}>
          Nhập vào năm {year}
        </Button>
      </DialogActions>
    </EditDialog>
  );
}
