import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { formatVnDate } from '../../../shared/dates';
import type { RegisterEntry } from '../../../shared/drafts';
import { href } from '../router';

export const KIND_LABELS: Record<RegisterEntry['kind'], string> = { 'ke-hoach': 'Kế hoạch', 'chi-thi': 'Chỉ thị', 'cong-van': 'Công văn' };

export function RegisterTable({ entries, showKind }: { entries: RegisterEntry[]; showKind: boolean }) {
  return (
    <Paper variant="outlined">
      <Table size="small" aria-label="Sổ văn bản">
        <TableHead>
          <TableRow>
            {showKind && <TableCell>Loại</TableCell>}
            <TableCell>Trích yếu</TableCell>
            <TableCell>Trạng thái</TableCell>
            <TableCell>Năm</TableCell>
            <TableCell>Sửa lần cuối</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.length === 0 && (
            <TableRow>
              <TableCell colSpan={5}>
                <Typography color="text.secondary">Không có văn bản nào.</Typography>
              </TableCell>
            </TableRow>
          )}
          {entries.map((e) => (
            <TableRow key={`${e.kind}-${e.id}`} hover>
              {showKind && <TableCell>{KIND_LABELS[e.kind]}</TableCell>}
              <TableCell>
                <a href={href(`${e.kind}/${e.id}`)}>{e.kind === 'cong-van' ? `V/v ${e.title}` : e.title}</a>
              </TableCell>
              <TableCell>
                {e.status === 'issued' ? <Chip size="small" color="success" label={`Đã ban hành: số ${e.number}, ${formatVnDate(e.issuedDate)}`} /> : <Chip size="small" label="Dự thảo" />}
              </TableCell>
              <TableCell>{e.year}</TableCell>
              <TableCell>{formatVnDate(e.updatedAt.slice(0, 10))}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
