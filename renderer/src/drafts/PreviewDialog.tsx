import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { renderAsync } from 'docx-preview';
import { useEffect, useRef, useState } from 'react';
import type { FileContent } from '../../../shared/files';

/** The exported .docx itself, drawn in the window (approximate: no page breaks or page numbers). */
export function PreviewDialog(props: { load: () => Promise<FileContent>; onClose: () => void; onExport: () => void }) {
  const container = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    props.load().then(
      async (file) => {
        if (cancelled || !container.current) return;
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        await renderAsync(bytes, container.current, undefined, { inWrapper: true, ignoreLastRenderedPageBreak: true, breakPages: true });
      },
      (err: Error) => setFailure(err.message),
    );
    return () => {
      cancelled = true;
    };
  }, [props]);
  return (
    <Dialog open onClose={props.onClose} maxWidth="lg" fullWidth aria-labelledby="preview-title">
      <DialogTitle id="preview-title">Xem trước văn bản</DialogTitle>
      <DialogContent>
        <Alert severity="info" sx={{ mb: 1 }}>
          Hình xem trước gần đúng: ngắt trang và số trang có thể khác khi mở bằng Word. Tệp .docx xuất ra mới là bản chuẩn.
        </Alert>
        {failure && (
          <Alert severity="error" sx={{ whiteSpace: 'pre-line' }}>
            {failure}
          </Alert>
        )}
        <Box ref={container} data-testid="docx-preview" sx={{ bgcolor: 'grey.200', '& .docx-wrapper': { bgcolor: 'grey.200' } }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Đóng</Button>
        <Button variant="contained" disabled={Boolean(failure)} onClick={props.onExport}>
          Xuất .docx
        </Button>
      </DialogActions>
    </Dialog>
  );
}
