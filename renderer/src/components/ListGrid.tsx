import Box from '@mui/material/Box';
import { DataGrid, type DataGridProps, type GridColDef, type GridFilterModel, type GridValidRowModel } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { viVN } from '@mui/x-data-grid/locales';
import { compareVietnameseNatural, foldVietnamese } from '../../../shared/text';

const LOCALE_TEXT = {
  ...viVN.components.MuiDataGrid.defaultProps.localeText,
  // missing from the viVN locale (it would read "1–100 of 2,000")
  paginationDisplayedRows: ({ from, to, count }: { from: number; to: number; count: number }) => `${from}–${to} / ${count.toLocaleString('vi-VN')}`,
};

/** Text shown or searched for a cell: the column's `searchText` when given, else its value. */
type VnColDef<R extends GridValidRowModel> = GridColDef<R> & { searchText?: (row: R) => string };

/**
 * The list columns' Vietnamese behaviour: text sorts in Vietnamese order ("Dân…" < "Đắk Lắk" < "E…",
 * "số 2" < "số 10"),
 * and the quick filter compares folded text, so "so noi vu" finds "Sở Nội vụ" (đ/d too).
 * Numbers and dates keep the grid's own comparison; they are searched as shown.
 */
export function vnColumns<R extends GridValidRowModel>(columns: readonly VnColDef<R>[]): GridColDef<R>[] {
  return columns.map(({ searchText, ...col }) => {
    const text = (value: unknown, row: R) => (searchText ? searchText(row) : String(value ?? ''));
    return {
      ...(col.type === undefined || col.type === 'string' ? { sortComparator: (a: unknown, b: unknown) => compareVietnameseNatural(String(a ?? ''), String(b ?? '')) } : {}),
      ...(col.type === 'actions'
        ? {}
        : {
            getApplyQuickFilterFn: (word: unknown) => {
              const wanted = foldVietnamese(String(word ?? ''));
              if (!wanted) return null;
              return (value: unknown, row: R) => foldVietnamese(text(value, row)).includes(wanted);
            },
          }),
      ...col,
    } as GridColDef<R>;
  });
}

/**
 * A long list: a virtualised MUI X Data Grid (only the rows in view are in the page) in Vietnamese,
 * with a row opened by a click or Enter. The height is the window's, less `offset` (what is above it).
 * The MIT Data Grid always pages, at most 100 rows a page (MAX_PAGE_SIZE in @mui/x-data-grid):
 * sorting and filtering apply to every row, the pager then shows 100 at a time, virtualised.
 * `quickFilter` is the text of the page's search box; column filters from the header menus add to it.
 */
export function ListGrid<R extends GridValidRowModel>({
  offset,
  onOpen,
  quickFilter = '',
  emptyText,
  sx,
  ...props
}: Omit<DataGridProps<R>, 'localeText' | 'filterModel' | 'onFilterModelChange'> & { offset: number; onOpen?: (row: R) => void; quickFilter?: string; emptyText?: string }) {
  const [filters, setFilters] = useState<GridFilterModel>({ items: [] });
  const filterModel = useMemo(() => ({ ...filters, quickFilterValues: quickFilter.split(/\s+/).filter(Boolean) }), [filters, quickFilter]);
  return (
    <Box sx={{ height: `max(360px, calc(100vh - ${offset}px))`, width: '100%' }}>
      <DataGrid<R>
        density="compact"
        disableRowSelectionOnClick
        localeText={emptyText ? { ...LOCALE_TEXT, noRowsLabel: emptyText } : LOCALE_TEXT}
        initialState={{ pagination: { paginationModel: { pageSize: 100 } } }}
        pageSizeOptions={[100]}
        slotProps={{ basePagination: { material: { showFirstButton: true, showLastButton: true } } }}
        filterModel={filterModel}
        onFilterModelChange={(model) => setFilters({ ...model, quickFilterValues: [] })}
        onRowClick={onOpen ? (params, event) => {
          // a click on a link or a button inside the row does its own thing
          if ((event.target as HTMLElement).closest('a, button')) return;
          onOpen(params.row);
        } : undefined}
        onCellKeyDown={onOpen ? (params, event) => {
          if (event.key !== 'Enter' || params.cellMode === 'edit' || params.colDef.type === 'actions') return;
          event.preventDefault();
          onOpen(params.row);
        } : undefined}
        sx={[{ '& .MuiDataGrid-row': { cursor: onOpen ? 'pointer' : undefined }, '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 600 } }, ...(Array.isArray(sx) ? sx : [sx])]}
        {...props}
      />
    </Box>
  );
}
