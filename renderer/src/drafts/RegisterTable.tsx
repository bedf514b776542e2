import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { formatVnDate } from '../../../shared/dates';
import { padNd30 } from '../../../shared/nd30';
import { REGISTER_KIND_LABELS, REGISTER_STATUS_LABELS, type RegisterEntry } from '../../../shared/register';
import { ListGrid, vnColumns } from '../components/ListGrid';
import { href } from '../router';

const STATUS_COLORS = { draft: 'default', issued: 'success', withdrawn: 'warning' } as const;

/** "đã thu hồi 1 lần" — the history of a record, in the register. */
function history(e: RegisterEntry): string {
  return e.withdrawnCount > 0 ? `đã thu hồi ${e.withdrawnCount} lần` : '';
}

const titleOf = (e: RegisterEntry) => (e.kind === 'cong-van' ? `V/v ${e.title}` : e.title);
const dateOf = (e: RegisterEntry) => (e.issuedDate ? formatVnDate(e.issuedDate) : `năm ${e.year}`);
const rowId = (e: RegisterEntry) => `${e.kind}-${e.id}`;
const open = (e: RegisterEntry) => (window.location.hash = href(`${e.kind}/${e.id}`));

/**
 * The register as a virtualised grid: every row is loaded (the backend answers the page's filters),
 * only the rows in view are drawn; columns sort in Vietnamese order, `quickFilter` narrows without diacritics.
 */
export function RegisterTable({ entries, showKind, quickFilter, offset }: { entries: RegisterEntry[]; showKind: boolean; quickFilter?: string; offset: number }) {
  const columns = useMemo(
    () =>
      vnColumns<RegisterEntry>([
        { field: 'number', headerName: 'Số', type: 'number', width: 64, align: 'left', headerAlign: 'left', valueFormatter: (n: number | null) => (n === null ? '' : padNd30(n)), searchText: (e) => (e.number === null ? '' : padNd30(e.number)) },
        { field: 'code', headerName: 'Ký hiệu', width: 100 },
        {
          field: 'issuedDate',
          headerName: 'Ngày',
          width: 100,
          // a draft has no date yet: it sorts by its year, before the dates of that year
          valueGetter: (_v, e) => e.issuedDate ?? `${e.year}`,
          sortComparator: (a: string, b: string) => a.localeCompare(b),
          searchText: dateOf,
          renderCell: ({ row: e }) => (e.issuedDate ? formatVnDate(e.issuedDate) : <Typography variant="body2" color="text.secondary">{`năm ${e.year}`}</Typography>),
        },
        ...(showKind ? [{ field: 'kind', headerName: 'Loại', width: 90, valueGetter: (_v: unknown, e: RegisterEntry) => REGISTER_KIND_LABELS[e.kind] }] : []),
        {
          field: 'title',
          headerName: 'Trích yếu',
          flex: 1.4,
          minWidth: 220,
          valueGetter: (_v, e) => titleOf(e),
          renderCell: ({ row: e }) => (
            <Link href={href(`${e.kind}/${e.id}`)} tabIndex={-1}>
              {titleOf(e)}
            </Link>
          ),
        },
        { field: 'issuerLabel', headerName: 'Cơ quan ban hành', flex: 0.8, minWidth: 150 },
        { field: 'signerName', headerName: 'Người ký', width: 140 },
        {
          field: 'status',
          headerName: 'Trạng thái',
          width: 160,
          valueGetter: (_v, e) => REGISTER_STATUS_LABELS[e.status],
          searchText: (e) => `${REGISTER_STATUS_LABELS[e.status]} ${history(e)}`,
          renderCell: ({ row: e }) => (
            <Box>
              <Chip size="small" color={STATUS_COLORS[e.status]} label={REGISTER_STATUS_LABELS[e.status]} />
              {history(e) && (
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                  {history(e)}
                </Typography>
              )}
            </Box>
          ),
        },
      ]),
    [showKind],
  );
  return (
    <ListGrid<RegisterEntry>
      aria-label="Sổ văn bản"
      offset={offset}
      rows={entries}
      columns={columns}
      getRowId={rowId}
      getRowHeight={() => 'auto'}
      quickFilter={quickFilter}
      emptyText="Không có văn bản nào."
      onOpen={open}
      sx={{ '& .MuiDataGrid-cell': { py: 0.5, alignItems: 'center', display: 'flex' } }}
    />
  );
}
