import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { formatVnDate, formatVnDateTime } from '../../../shared/dates';
import { formatNumberCode, type RecordHistory, type RecordRef } from '../../../shared/record';
import { api } from '../api';
import { exportFile } from '../files';

/** Every issued copy of the record (withdrawn ones too), each downloadable as stored, and the events. */
export function HistoryDialog(props: { record: RecordRef; onClose: () => void }) {
  const [history, setHistory] = useState<RecordHistory>();
  const [failure, setFailure] = useState<string>();
  const { recordType, id } = props.record;
  useEffect(() => {
    api.getRecordHistory({ recordType, id }).then(setHistory, (err: Error) => setFailure(err.message));
  }, [recordType, id]);
  return (
    <Dialog open onClose={props.onClose} maxWidth="lg" fullWidth aria-labelledby="history-title">
      <DialogTitle id="history-title">Lịch sử ban hành</DialogTitle>
      <DialogContent>
        {failure && <Alert severity="error">{failure}</Alert>}
        {history && history.copies.length === 0 && <Typography sx={{ mb: 2 }}>Chưa ban hành lần nào.</Typography>}
        {history && history.copies.length > 0 && (
          <Table size="small" sx={{ mb: 3 }} aria-label="Các bản đã ban hành">
            <TableHead>
              <TableRow>
                <TableCell>Số, ký hiệu</TableCell>
                <TableCell>Ngày</TableCell>
                <TableCell>Ban hành bởi, lúc</TableCell>
                <TableCell>SHA-256</TableCell>
                <TableCell>Thu hồi</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {history.copies.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>{formatNumberCode(c.number, c.code)}</TableCell>
                  <TableCell>{formatVnDate(c.issuedDate)}</TableCell>
                  <TableCell>
                    {c.issuedBy || '(trước phiên bản lưu bản gốc)'}
                    <br />
                    {formatVnDateTime(c.issuedAt)}
                  </TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{c.sha256 ? `${c.sha256.slice(0, 12)}…` : 'chưa lưu'}</TableCell>
                  <TableCell>
                    {c.withdrawnAt ? (
                      <>
                        {c.withdrawnBy}, {formatVnDateTime(c.withdrawnAt)}
                        <br />
                        Lý do: {c.withdrawReason}
                      </>
                    ) : (
                      'Đang có hiệu lực'
                    )}
                  </TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => void api.exportIssuedCopyDocx({ copyId: c.id }).then(exportFile).catch((err: Error) => setFailure(err.message))}>
                      Tải .docx
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {history && (
          <>
            <Typography variant="subtitle2">Nhật ký</Typography>
            <Table size="small" aria-label="Nhật ký">
              <TableBody>
                {history.events.map((e, i) => (
                  <TableRow key={i}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatVnDateTime(e.at)}</TableCell>
                    <TableCell>{e.action}</TableCell>
                    <TableCell>{e.detail}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Đóng</Button>
      </DialogActions>
    </Dialog>
  );
}
