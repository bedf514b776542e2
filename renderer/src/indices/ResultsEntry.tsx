import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { RequestOutput } from '../../../shared/api';
import { componentsOfYear, formatScore, parseScore, type IndexDefinition } from '../../../shared/indices';
import { api } from '../api';
import { Notice, type NoticeState } from '../components/Notice';
import { ImportResultsDialog } from './ImportResultsDialog';

type Results = RequestOutput<'getIndexResults'>;
interface RowText {
  score: string;
  rank: string;
  band: string;
}

const rankOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

/** One year's published figures: the total and every component valid that year. */
export function ResultsEntry(props: { index: IndexDefinition; results: Results; onSaved: (r: Results) => void }) {
  const [importing, setImporting] = useState(false);
  const { index, results } = props;
  const latest = Math.max(new Date().getFullYear() - 1, ...results.overall.map((o) => o.year));
  const [year, setYear] = useState(latest);
  const [overall, setOverall] = useState({ score: '', rank: '', rankOf: '', band: '' });
  const [rows, setRows] = useState<Record<number, RowText>>({});
  const [message, setMessage] = useState<NoticeState>();
  const components = componentsOfYear(index.components, year);

  useEffect(() => {
    const o = results.overall.find((r) => r.year === year);
    setOverall({ score: formatScore(o?.score), rank: o?.rank?.toString() ?? '', rankOf: o?.rankOf?.toString() ?? (year < 2025 ? '63' : ''), band: o?.band ?? '' });
    setRows(
      Object.fromEntries(
        results.components.filter((r) => r.year === year).map((r) => [r.componentId, { score: formatScore(r.score), rank: r.rank?.toString() ?? '', band: r.band }]),
      ),
    );
  }, [year, results]);

  const row = (id: number): RowText => rows[id] ?? { score: '', rank: '', band: '' };
  const bad = (s: string) => Number.isNaN(parseScore(s));

  async function save() {
    if (bad(overall.score) || components.some((c) => bad(row(c.id).score))) {
      setMessage({ severity: 'error', text: 'Có ô điểm không phải là số. Ghi điểm như 42,153 hoặc 42.153.' });
      return;
    }
    try {
      const saved = await api.saveIndexYearResults({
        indexId: index.id,
        year,
        overall: { score: parseScore(overall.score), rank: rankOrNull(overall.rank), rankOf: rankOrNull(overall.rankOf), band: overall.band },
        components: components.map((c) => ({ componentId: c.id, score: parseScore(row(c.id).score), rank: rankOrNull(row(c.id).rank), band: row(c.id).band })),
        // a refusal (another window saved this year meanwhile) keeps what is typed here on screen
        revision: results.overall.find((r) => r.year === year)?.revision ?? null,
      });
      props.onSaved(saved);
      setMessage({ severity: 'success', text: `Đã lưu kết quả Chỉ số ${index.code} năm ${year}.` });
    } catch (err) {
      setMessage({ severity: 'error', text: (err as Error).message });
    }
  }

  const unit = index.unit === 'phan-tram' ? '%' : 'điểm';
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField sx={{ width: 120 }} label="Năm" type="number" value={year} onChange={(e) => setYear(Number(e.target.value))} />
        <TextField sx={{ width: 160 }} label={`Tổng (${unit})`} value={overall.score} error={bad(overall.score)} onChange={(e) => setOverall({ ...overall, score: e.target.value })} />
        <TextField sx={{ width: 110 }} label="Xếp thứ" value={overall.rank} onChange={(e) => setOverall({ ...overall, rank: e.target.value })} />
        <TextField sx={{ width: 110 }} label="Trên số tỉnh" value={overall.rankOf} onChange={(e) => setOverall({ ...overall, rankOf: e.target.value })} />
        <TextField label="Nhóm xếp loại" value={overall.band} onChange={(e) => setOverall({ ...overall, band: e.target.value })} />
      </Stack>
      <Notice notice={message} onClose={() => setMessage(undefined)} />
      <Paper variant="outlined">
        <Table size="small" aria-label={`Kết quả năm ${year}`}>
          <TableHead>
            <TableRow>
              <TableCell>TT</TableCell>
              <TableCell>Thành phần</TableCell>
              <TableCell align="right">Tối đa</TableCell>
              <TableCell>Điểm</TableCell>
              <TableCell>Xếp thứ</TableCell>
              <TableCell>Nhóm</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {components.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{c.code}</TableCell>
                <TableCell sx={{ pl: c.parentId ? 4 : 2, fontWeight: c.parentId ? 400 : 600 }}>
                  {c.name}
                  {!c.confirmed && (
                    <Typography variant="caption" color="warning.main">
                      {' '}
                      (chưa xác nhận)
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right">{formatScore(c.maxScore)}</TableCell>
                <TableCell sx={{ width: 120 }}>
                  <TextField
                    value={row(c.id).score}
                    error={bad(row(c.id).score)}
                    onChange={(e) => setRows({ ...rows, [c.id]: { ...row(c.id), score: e.target.value } })}
                    slotProps={{ htmlInput: { 'aria-label': `Điểm ${c.code}` } }}
                  />
                </TableCell>
                <TableCell sx={{ width: 90 }}>
                  <TextField value={row(c.id).rank} onChange={(e) => setRows({ ...rows, [c.id]: { ...row(c.id), rank: e.target.value } })} slotProps={{ htmlInput: { 'aria-label': `Xếp thứ ${c.code}` } }} />
                </TableCell>
                <TableCell sx={{ width: 160 }}>
                  <TextField value={row(c.id).band} onChange={(e) => setRows({ ...rows, [c.id]: { ...row(c.id), band: e.target.value } })} slotProps={{ htmlInput: { 'aria-label': `Nhóm ${c.code}` } }} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => void save()}>
          Lưu kết quả năm {year}
        </Button>
        <Button variant="outlined" onClick={() => setImporting(true)}>
          Nhập từ Excel…
        </Button>
      </Stack>
      {importing && (
        <ImportResultsDialog
          index={index}
          year={year}
          onClose={() => setImporting(false)}
          onImported={() => void api.getIndexResults({ indexId: index.id }).then(props.onSaved)}
        />
      )}
    </Stack>
  );
}
