import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { RequestOutput } from '../../../shared/api';
import { compareYears, decliningComponents, formatScore, type IndexDefinition } from '../../../shared/indices';
import { api } from '../api';
import { href } from '../router';
import { LineChart } from './LineChart';

type Results = RequestOutput<'getIndexResults'>;

function signed(n: number | null, decimals = 4): string {
  if (n === null) return '';
  if (n === 0) return '±0';
  return `${n > 0 ? '+' : '−'}${formatScore(Math.abs(n), decimals)}`;
}

/** Components × years with the change from the year before; what fell is marked. */
export function Comparison({ index, results }: { index: IndexDefinition; results: Results }) {
  const years = [...new Set([...results.overall.map((o) => o.year), ...results.components.map((c) => c.year)])].sort();
  const rows = compareYears(index.components, results.components, years);
  const dimensions = index.components.filter((c) => c.parentId === null);
  const [dimensionId, setDimensionId] = useState<number | ''>(dimensions[0]?.id ?? '');
  const [failure, setFailure] = useState<string>();
  const lastYear = years.at(-1);
  const declines = decliningComponents(rows);

  if (years.length === 0) return <Alert severity="info">Chưa có kết quả năm nào. Nhập kết quả ở thẻ “Nhập kết quả”.</Alert>;

  const chartParts = index.components.filter((c) => c.parentId === dimensionId);
  const chartSeries = (chartParts.length ? chartParts : index.components.filter((c) => c.id === dimensionId)).map((c) => ({
    name: `${c.code}. ${c.name}`,
    points: years.map((y) => results.components.find((r) => r.componentId === c.id && r.year === y)?.score ?? null),
  }));
  const chartMax = chartParts[0]?.maxScore ?? index.components.find((c) => c.id === dimensionId)?.maxScore ?? null;

  async function createPlan() {
    try {
      const plan = await api.createPlanFromDeclines({ indexId: index.id, year: lastYear! });
      window.location.hash = href(`ke-hoach/${plan.id}`);
    } catch (err) {
      setFailure((err as Error).message);
    }
  }

  return (
    <Stack spacing={2}>
      {lastYear !== undefined && years.length > 1 && (
        <Alert
          severity={declines.length ? 'warning' : 'success'}
          action={
            declines.length ? (
              <Button color="inherit" size="small" onClick={() => void createPlan()}>
                Tạo nhiệm vụ từ các chỉ số giảm điểm
              </Button>
            ) : undefined
          }
        >
          {declines.length
            ? `Năm ${lastYear} có ${declines.length} thành phần giảm điểm hoặc tụt hạng so với năm ${years.at(-2)}: ${declines.map((c) => c.code).join(', ')}.`
            : `Năm ${lastYear} không có thành phần nào giảm điểm.`}
        </Alert>
      )}
      {failure && <Alert severity="error">{failure}</Alert>}
      <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="So sánh các năm">
          <TableHead>
            <TableRow>
              <TableCell>TT</TableCell>
              <TableCell>Thành phần</TableCell>
              {years.map((y) => (
                <TableCell key={y} align="right">
                  {y}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            <TableRow sx={{ bgcolor: 'grey.100' }}>
              <TableCell />
              <TableCell sx={{ fontWeight: 700 }}>Tổng</TableCell>
              {years.map((y) => {
                const o = results.overall.find((r) => r.year === y);
                return (
                  <TableCell key={y} align="right" sx={{ fontWeight: 700 }}>
                    {formatScore(o?.score)}
                    {o?.rank ? ` · hạng ${o.rank}${o.rankOf ? `/${o.rankOf}` : ''}` : ''}
                  </TableCell>
                );
              })}
            </TableRow>
            {rows.map(({ component: c, cells }) => (
              <TableRow key={c.id}>
                <TableCell>{c.code}</TableCell>
                <TableCell sx={{ pl: c.parentId ? 4 : 2, fontWeight: c.parentId ? 400 : 600 }}>{c.name}</TableCell>
                {cells.map((cell, i) => (
                  <TableCell
                    key={years[i]}
                    align="right"
                    data-declined={cell.declined || undefined}
                    sx={{ bgcolor: cell.declined ? '#fdecea' : undefined, color: cell.declined ? 'error.dark' : undefined, whiteSpace: 'nowrap' }}
                  >
                    {formatScore(cell.score)}
                    {cell.deltaScore !== null && (
                      <Typography component="span" variant="caption">
                        {' '}
                        ({cell.declined && (cell.deltaScore ?? 0) < 0 ? '▼ ' : ''}
                        {signed(cell.deltaScore)})
                      </Typography>
                    )}
                    {cell.rank !== null && (
                      <Typography component="div" variant="caption">
                        hạng {cell.rank}
                        {cell.deltaRank ? ` (${cell.deltaRank > 0 ? '▼ tụt ' : '▲ lên '}${Math.abs(cell.deltaRank)})` : ''}
                      </Typography>
                    )}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Box>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="subtitle2">Biểu đồ</Typography>
          <TextField select sx={{ width: 420 }} label="Chỉ số nội dung" value={dimensionId} onChange={(e) => setDimensionId(Number(e.target.value))}>
            {dimensions.map((d) => (
              <MenuItem key={d.id} value={d.id}>
                {d.code}. {d.name}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        <Paper variant="outlined" sx={{ p: 2, maxWidth: 760 }}>
          <LineChart years={years} series={chartSeries} max={chartMax} />
        </Paper>
      </Box>
    </Stack>
  );
}
