import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState, type DragEvent } from 'react';
import { formatVnDate, todayIso } from '../../../shared/dates';
import type { FileContent } from '../../../shared/files';
import type { AcceptedExtra, SubmissionImportFile } from '../../../shared/reports';
import { api } from '../api';
import { DateField } from '../components/DateField';
import { useInvalidFields } from '../components/useInvalidFields';
import { Notice, type NoticeState } from '../components/Notice';
import { readFile } from '../files';

const fileOk = (f: SubmissionImportFile) => f.errors.length === 0 && f.rows.every((r) => !r.error);

/** Returned forms: picked or dropped, checked file by file and row by row, then recorded (each file all or nothing). */
export function ReceiveForms(props: { roundId: number; onRecorded: () => void }) {
  const [files, setFiles] = useState<FileContent[]>([]);
  const [check, setCheck] = useState<SubmissionImportFile[]>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<NoticeState>();
  const [receivedDate, setReceivedDate] = useState<string | null>(todayIso());
  const invalid = useInvalidFields();
  const [accepted, setAccepted] = useState<AcceptedExtra[]>([]);
  const isAccepted = (fileName: string, row: number) => accepted.some((a) => a.fileName === fileName && a.row === row);
  const toggle = (fileName: string, row: number) =>
    setAccepted(isAccepted(fileName, row) ? accepted.filter((a) => a.fileName !== fileName || a.row !== row) : [...accepted, { fileName, row }]);

  async function take(list: File[]) {
    if (!list.length) return;
    if (invalid.first) return setMessage({ severity: 'error', text: `Chưa nhận tệp — ${invalid.first}` });
    if (!receivedDate) return setMessage({ severity: 'error', text: 'Chưa ghi ngày nhận (dd/mm/yyyy).' });
    setBusy(true);
    setAccepted([]);
    setMessage(undefined);
    try {
      const contents = await Promise.all(list.map(readFile));
      setFiles(contents);
      setCheck(await api.importReportForms({ roundId: props.roundId, files: contents, apply: false, receivedDate }));
    } catch (err) {
      setMessage({ severity: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }
  async function apply() {
    if (invalid.first) return setMessage({ severity: 'error', text: `Chưa nhận tệp — ${invalid.first}` });
    if (!receivedDate) return setMessage({ severity: 'error', text: 'Chưa ghi ngày nhận (dd/mm/yyyy).' });
    setBusy(true);
    try {
      const result = await api.importReportForms({ roundId: props.roundId, files, apply: true, receivedDate, acceptExtras: accepted });
      setCheck(result);
      setMessage({ severity: 'success', text: `Đã ghi ${result.filter((f) => f.applied).length}/${result.length} tệp.` });
      props.onRecorded();
    } catch (err) {
      setMessage({ severity: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void take([...e.dataTransfer.files]);
  };
  const good = check?.filter(fileOk).length ?? 0;

  return (
    <Stack spacing={2}>
      <Box sx={{ maxWidth: 260 }}>
        <DateField label="Ngày nhận" value={receivedDate} onChange={setReceivedDate} onInvalid={(m) => invalid.report('Ngày nhận', m)} />
      </Box>
      <Box
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
        sx={{ border: '2px dashed', borderColor: 'divider', borderRadius: 1, p: 3, textAlign: 'center', bgcolor: 'background.paper' }}
      >
        <Typography gutterBottom>Kéo thả các tệp báo cáo (.xlsx) các cơ quan gửi về vào đây, hoặc</Typography>
        <Button component="label" variant="outlined" disabled={busy}>
          Chọn tệp…
          <input hidden multiple type="file" accept=".xlsx" aria-label="Tệp báo cáo nhận về" onChange={(e) => {
              // Emptied so that picking the same file again (after correcting the date) is read again.
              const picked = [...(e.target.files ?? [])];
              e.target.value = '';
              void take(picked);
            }} />
        </Button>
      </Box>
      <Notice notice={message} onClose={() => setMessage(undefined)} />
      {check && (
        <>
          <Alert severity={good === check.length ? 'success' : 'warning'}>
            {good}/{check.length} tệp hợp lệ. Tệp có lỗi không được ghi; các tệp khác vẫn ghi được.
          </Alert>
          {check.map((f) => (
            <Paper key={f.fileName} variant="outlined" sx={{ p: 1.5 }}>
              <Typography sx={{ fontWeight: 600 }}>
                {f.fileName} {f.agency ? `— ${f.agency}` : ''} {f.applied ? '✓ đã ghi' : ''}
                {` — nhận ngày ${formatVnDate(f.receivedDate)}`}
                {f.onTime === false && ' (sau hạn)'}
                {f.replaces && ' (thay báo cáo đã gửi trước)'}
              </Typography>
              {f.errors.map((e) => (
                <Typography key={e} color="error.main" variant="body2">
                  {e}
                </Typography>
              ))}
              {f.rows.length > 0 && (
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell>Dòng</TableCell>
                      <TableCell>Nhiệm vụ</TableCell>
                      <TableCell>Thay đổi</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>Nhận bổ sung</TableCell>
                      <TableCell>Lỗi</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {f.rows.map((r) => (
                      <TableRow key={r.row}>
                        <TableCell>{r.row}</TableCell>
                        <TableCell>{r.task}</TableCell>
                        <TableCell>{r.extra && !r.error ? (isAccepted(f.fileName, r.row) ? 'Nhiệm vụ bổ sung: nhận' : 'Nhiệm vụ bổ sung: bỏ qua') : r.change}</TableCell>
                        <TableCell padding="checkbox">
                          {r.extra && !r.error && !f.applied && (
                            <Checkbox
                              checked={isAccepted(f.fileName, r.row)}
                              onChange={() => toggle(f.fileName, r.row)}
                              slotProps={{ input: { 'aria-label': `Nhận nhiệm vụ bổ sung dòng ${r.row} của ${f.fileName}` } }}
                            />
                          )}
                        </TableCell>
                        <TableCell sx={{ color: 'error.main' }}>{r.error}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </Paper>
          ))}
          <div>
            <Button variant="contained" disabled={busy || good === 0 || check.every((f) => f.applied)} onClick={() => void apply()}>
              Ghi {good} tệp hợp lệ
            </Button>
          </div>
        </>
      )}
    </Stack>
  );
}
