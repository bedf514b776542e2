import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { RequestOutput } from '../../../shared/api';
import type { FileContent } from '../../../shared/files';
import { api } from '../api';
import { EditDialog } from '../components/EditDialog';
import { downloadFile, readFile } from '../files';

type Preview = RequestOutput<'importAgencies'>;

const ACTION = { create: { label: 'Thêm mới', color: 'success' }, update: { label: 'Cập nhật', color: 'info' }, error: { label: 'Lỗi', color: 'error' } } as const;

/** Pick a file, see what each row will do and what is wrong, then import all of it or nothing. */
export function ImportDialog(props: { onClose: () => void; onImported: () => void }) {
  const [file, setFile] = useState<FileContent>();
  const [preview, setPreview] = useState<Preview>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const errors = preview?.rows.filter((r) => r.action === 'error').length ?? 0;

  async function choose(picked: File | undefined) {
    if (!picked) return;
    setFailure(undefined);
    setPreview(undefined);
    setBusy(true);
    try {
      const content = await readFile(picked);
      setFile(content);
      setPreview(await api.importAgencies({ file: content, apply: false }));
    } catch (err) {
      setFailure((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    if (!file) return;
    setBusy(true);
    try {
      await api.importAgencies({ file, apply: true });
      props.onImported();
    } catch (err) {
      setFailure((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  // a checked file not yet imported is work the user would have to redo
  return (
    <EditDialog dirty={file !== undefined} onClose={props.onClose} maxWidth="md" fullWidth aria-labelledby="import-title">
      <DialogTitle id="import-title">Nhập danh mục cơ quan từ Excel hoặc CSV</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          Dùng tệp mẫu để có đúng các cột. Mọi dòng được kiểm tra trước; chỉ khi không còn dòng lỗi mới nhập, và nhập tất cả cùng lúc. Cơ
          quan trùng tên đầy đủ với cơ quan đã có sẽ được cập nhật.
        </Typography>
        <Button component="label" variant="outlined" disabled={busy}>
          Chọn tệp .xlsx / .csv
          <input hidden type="file" accept=".xlsx,.csv" aria-label="Tệp nhập" onChange={(e) => void choose(e.target.files?.[0])} />
        </Button>{' '}
        <Button onClick={() => void api.getAgencyTemplate({}).then(downloadFile)}>Tải tệp mẫu</Button>
        {failure && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {failure}
          </Alert>
        )}
        {preview && (
          <>
            <Alert severity={errors ? 'warning' : 'success'} sx={{ mt: 2 }}>
              {file?.fileName}: {preview.created} dòng thêm mới, {preview.updated} dòng cập nhật, {errors} dòng lỗi.
              {errors > 0 && ' Sửa các dòng lỗi trong tệp rồi chọn lại tệp.'}
            </Alert>
            <Table size="small" sx={{ mt: 1 }} aria-label="Kết quả kiểm tra tệp">
              <TableHead>
                <TableRow>
                  <TableCell>Dòng</TableCell>
                  <TableCell>Cơ quan</TableCell>
                  <TableCell>Kết quả</TableCell>
                  <TableCell>Lỗi</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {preview.rows.map((r) => (
                  <TableRow key={r.row}>
                    <TableCell>{r.row}</TableCell>
                    <TableCell sx={{ minWidth: 160 }}>{r.name}</TableCell>
                    <TableCell>
                      <Chip size="small" label={ACTION[r.action].label} color={ACTION[r.action].color} />
                    </TableCell>
                    <TableCell sx={{ color: 'error.main' }}>{r.errors.join('; ')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Đóng</Button>
        <Button variant="contained" disabled={busy || !preview || errors > 0 || preview.rows.length === 0} onClick={() => void apply()}>
          Nhập {preview ? preview.created + preview.updated : ''} dòng
        </Button>
      </DialogActions>
    </EditDialog>
  );
}
