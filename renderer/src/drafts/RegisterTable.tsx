import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { formatVnDate } from '../../../shared/dates';
import { padNd30 } from '../../../shared/nd30';
import { REGISTER_KIND_LABELS, REGISTER_STATUS_LABELS, type RegisterEntry } from '../../../shared/register';
import { href } from '../router';

const STATUS_COLORS = { draft: 'default', issued: 'success', withdrawn: 'warning' } as const;
/** Rows on one page: thousands of records stay fast without a virtualised grid. */
const PAGE_SIZE = 50;

/** "đã thu hồi 1 lần" — the history of a record, in the register. */
function history(e: RegisterEntry): string {
  return e.withdrawnCount > 0 ? `đã thu hồi ${e.withdrawnCount} lần` : '';
}

export function RegisterTable({ entries, showKind }: { entries: RegisterEntry[]; showKind: boolean }) {
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [entries]);
  const columns = showKind ? 8 : 7;
  const shown = entries.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <Paper variant="outlined">
      <Table size="small" aria-label="Sổ văn bản">
        <TableHead>
          <TableRow>
            <TableCell>Số</TableCell>
            <TableCell>Ký hiệu</TableCell>
            <TableCell>Ngày</TableCell>
            {showKind && <TableCell>Loại</TableCell>}
            <TableCell>Trích yếu</TableCell>
            <TableCell>Cơ quan ban hành</TableCell>
            <TableCell>Người ký</TableCell>
            <TableCell>Trạng thái</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.length === 0 && (
            <TableRow>
              <TableCell colSpan={columns}>
                <Typography color="text.secondary">Không có văn bản nào.</Typography>
              </TableCell>
            </TableRow>
          )}
          {shown.map((e) => (
            <TableRow key={`${e.kind}-${e.id}`} hover>
              <TableCell>{e.number === null ? '' : padNd30(e.number)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.code}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.issuedDate ? formatVnDate(e.issuedDate) : <Typography variant="body2" color="text.secondary">{`năm ${e.year}`}</Typography>}</TableCell>
              {showKind && <TableCell sx={{ whiteSpace: 'nowrap' }}>{REGISTER_KIND_LABELS[e.kind]}</TableCell>}
              <TableCell>
                <a href={href(`${e.kind}/${e.id}`)}>{e.kind === 'cong-van' ? `V/v ${e.title}` : e.title}</a>
              </TableCell>
              <TableCell>{e.issuerLabel}</TableCell>
              <TableCell>{e.signerName}</TableCell>
              <TableCell>
                <Chip size="small" color={STATUS_COLORS[e.status]} label={REGISTER_STATUS_LABELS[e.status]} />
                {history(e) && (
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {history(e)}
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {entries.length > PAGE_SIZE && (
        <TablePagination
          component="div"
          count={entries.length}
          page={page}
          rowsPerPage={PAGE_SIZE}
          rowsPerPageOptions={[PAGE_SIZE]}
          onPageChange={(_, p) => setPage(p)}
          labelDisplayedRows={({ from, to, count }) => `${from}–${to} / ${count}`}
          getItemAriaLabel={(type) => ({ first: 'Trang đầu', last: 'Trang cuối', next: 'Trang sau', previous: 'Trang trước' })[type]}
        />
      )}
    </Paper>
  );
}
