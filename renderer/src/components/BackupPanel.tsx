import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import type { RequestOutput } from '../../../shared/api';
import type { BackupSummary } from '../../../shared/backups';
import type { FileContent } from '../../../shared/files';
import { api } from '../api';
import { Notice, type NoticeState } from './Notice';
import { downloadFile, readFile } from '../files';

const KIND = { auto: 'Tự động', safety: 'Trước khi khôi phục', other: 'Khác' } as const;

const pad = (n: number) => String(n).padStart(2, '0');
/** "25/11/2026 14:30", in local time. */
function dateTime(iso: string): string {
  const d = new Date(iso);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Asked only after the file was checked: what it holds, and that it replaces everything. */
function ConfirmRestore(props: { summary: BackupSummary; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { summary } = props;
  return (
    <Dialog open onClose={props.busy ? undefined : props.onCancel} maxWidth="sm" fullWidth aria-describedby="restore-contents">
      <DialogTitle>Thay thế toàn bộ dữ liệu?</DialogTitle>
      <DialogContent id="restore-contents">
        <Typography gutterBottom>
          Tệp <strong>{summary.fileName}</strong> là bản sao lưu NoiVu Desk hợp lệ (cấu trúc dữ liệu số {summary.schemaVersion}).
        </Typography>
        <Typography component="ul" sx={{ mt: 0 }}>
          <li>{summary.agencies.toLocaleString('vi-VN')} cơ quan</li>
          <li>{summary.plans.toLocaleString('vi-VN')} kế hoạch</li>
          <li>{summary.documents.toLocaleString('vi-VN')} văn bản (chỉ thị, công văn)</li>
          <li>Cập nhật lần cuối: {summary.lastSavedAt ? dateTime(summary.lastSavedAt) : 'không rõ'}</li>
        </Typography>
        <Typography color="warning.main">
          Khôi phục sẽ thay toàn bộ dữ liệu hiện tại bằng dữ liệu trong tệp này. Dữ liệu hiện tại được giữ một bản sao trong thư mục sao lưu.
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel} disabled={props.busy}>
          Hủy
        </Button>
        <Button variant="contained" color="warning" onClick={props.onConfirm} disabled={props.busy}>
          Khôi phục
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Where the data is, the automatic daily copies, and "Sao lưu" / "Khôi phục" by hand. */
export function BackupPanel() {
  const [info, setInfo] = useState<RequestOutput<'getBackups'>>();
  const [keep, setKeep] = useState('');
  const [message, setMessage] = useState<NoticeState>();
  /** A checked backup waiting for the user's confirmation, with the upload (browser mode) to send again. */
  const [pending, setPending] = useState<{ summary: BackupSummary; file: FileContent | null }>();
  const [busy, setBusy] = useState(false);
  const reload = useCallback(async () => {
    const i = await api.getBackups({});
    setInfo(i);
    setKeep(String(i.keep));
  }, []);
  useEffect(() => {
    reload().catch((err: Error) => setMessage({ severity: 'error', text: err.message }));
  }, [reload]);
  const guard = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      setMessage({ severity: 'error', text: (err as Error).message });
    }
  };
  async function backup() {
    const result = await api.makeBackup({});
    if (result.file) downloadFile(result.file);
    if (result.path || result.file) setMessage({ severity: 'success', text: result.path ? `Đã sao lưu vào ${result.path}.` : 'Đã tạo bản sao lưu (tệp tải về).' });
  }
  const working = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await guard(work);
    } finally {
      setBusy(false);
    }
  };
  /** Checks the file first; the confirmation shows what it holds. */
  async function check(picked?: File) {
    setMessage(undefined);
    const file = picked ? await readFile(picked) : null;
    const summary = await api.inspectBackup({ file });
    if (summary) setPending({ summary, file });
  }
  async function restore() {
    if (!pending) return;
    const { summary, file } = pending;
    try {
      const result = await api.restoreFromBackup({ file, path: summary.path });
      if (result.restored) {
        setMessage({
          severity: 'success',
          text: `Đã khôi phục từ "${summary.fileName}". Dữ liệu trước khi khôi phục được giữ tại: ${result.safetyCopy ?? '(không có)'}. Hãy mở lại các trang đang xem.`,
        });
        await reload();
      }
    } finally {
      setPending(undefined);
    }
  }
  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <Typography>
        Mỗi ngày, lần đầu mở ứng dụng, NoiVu Desk tự sao lưu toàn bộ dữ liệu vào thư mục <code>{info?.folder}</code> và giữ lại các bản mới nhất.
      </Typography>
      <Notice notice={message} onClose={() => setMessage(undefined)} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField sx={{ width: 240 }} type="number" label="Số bản tự động giữ lại" value={keep} onChange={(e) => setKeep(e.target.value)} />
        <Button onClick={() => void guard(async () => (await api.setBackupKeep({ keep: Number(keep) }), setMessage({ severity: 'success', text: 'Đã lưu.' })))}>Lưu</Button>
      </Stack>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => void guard(backup)}>
          Sao lưu ngay…
        </Button>
        {window.noivu ? (
          <Button variant="outlined" color="warning" disabled={busy} onClick={() => void working(() => check())}>
            Khôi phục từ tệp…
          </Button>
        ) : (
          <Button component="label" variant="outlined" color="warning" disabled={busy}>
            Khôi phục từ tệp…
            <input
              hidden
              type="file"
              accept=".sqlite,.db"
              aria-label="Tệp sao lưu"
              onChange={(e) => {
                const picked = e.target.files?.[0];
                e.target.value = ''; // the same file can be picked again after a refusal
                if (picked) void working(() => check(picked));
              }}
            />
          </Button>
        )}
        {busy && <Typography sx={{ alignSelf: 'center' }} color="text.secondary">{pending ? 'Đang khôi phục…' : 'Đang kiểm tra tệp sao lưu…'}</Typography>}
      </Stack>
      {pending && <ConfirmRestore summary={pending.summary} busy={busy} onCancel={() => setPending(undefined)} onConfirm={() => void working(restore)} />}
      <Paper variant="outlined">
        <Table size="small" aria-label="Các bản sao lưu">
          <TableHead>
            <TableRow>
              <TableCell>Tệp</TableCell>
              <TableCell>Loại</TableCell>
              <TableCell>Thời điểm</TableCell>
              <TableCell align="right">Dung lượng</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {info?.backups.length === 0 && (
              <TableRow>
                <TableCell colSpan={4}>
                  <Typography color="text.secondary">Chưa có bản sao lưu nào.</Typography>
                </TableCell>
              </TableRow>
            )}
            {info?.backups.map((b) => (
              <TableRow key={b.file}>
                <TableCell>{b.name}</TableCell>
                <TableCell>{KIND[b.kind]}</TableCell>
                <TableCell>{dateTime(b.modifiedAt)}</TableCell>
                <TableCell align="right">{(b.bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 0 })} KB</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </Stack>
  );
}
