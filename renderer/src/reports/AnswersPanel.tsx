import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { ROLE_NAMES } from '../../../shared/report-narrative';
import { TASK_STATUSES, type RoundAnswer } from '../../../shared/reports';
import { compareVietnamese, foldVietnamese } from '../../../shared/text';
import { api } from '../api';

const cell = { whiteSpace: 'pre-wrap', verticalAlign: 'top' } as const;
const PAGE = 200;

/** What the agencies wrote (result, evidence, difficulties, proposals), by task or by agency, searchable without diacritics. */
export function AnswersPanel({ roundId, version }: { roundId: number; version: number }) {
  const [answers, setAnswers] = useState<RoundAnswer[]>();
  const [failure, setFailure] = useState<string>();
  const [by, setBy] = useState<'task' | 'agency'>('task');
  const [query, setQuery] = useState('');
  const [onlyNarrative, setOnlyNarrative] = useState(true);
  useEffect(() => {
    api.getRoundAnswers({ roundId }).then(setAnswers, (err: Error) => setFailure(err.message));
  }, [roundId, version]);

  const shown = useMemo(() => {
    const q = foldVietnamese(query.trim());
    const list = (answers ?? []).filter(
      (a) => (!onlyNarrative || a.evidence || a.difficulties || a.proposals) && (!q || foldVietnamese([a.agency, a.task, a.result, a.evidence, a.difficulties, a.proposals].join(' ')).includes(q)),
    );
    return by === 'task' ? list : [...list].sort((x, y) => compareVietnamese(x.agency, y.agency) || (x.taskNo ?? Infinity) - (y.taskNo ?? Infinity));
  }, [answers, by, query, onlyNarrative]);

  if (failure) return <Typography color="error">{failure}</Typography>;
  if (!answers) return <Typography>Đang tải…</Typography>;
  const first = by === 'task' ? (a: RoundAnswer) => (a.taskNo === null ? `Bổ sung — ${a.task}` : `${a.taskNo}. ${a.task}`) : (a: RoundAnswer) => a.agency;
  const second = by === 'task' ? (a: RoundAnswer) => `${a.agency} (${ROLE_NAMES[a.role].toLocaleLowerCase('vi')})` : (a: RoundAnswer) => (a.taskNo === null ? `Bổ sung — ${a.task}` : `${a.taskNo}. ${a.task}`);
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <ToggleButtonGroup size="small" exclusive value={by} onChange={(_e, v) => v && setBy(v)} aria-label="Xem theo">
          <ToggleButton value="task">Theo nhiệm vụ</ToggleButton>
          <ToggleButton value="agency">Theo cơ quan</ToggleButton>
        </ToggleButtonGroup>
        <TextField size="small" label="Tìm (không cần dấu)" value={query} onChange={(e) => setQuery(e.target.value)} sx={{ width: 320 }} />
        <ToggleButtonGroup size="small" exclusive value={onlyNarrative ? 'narrative' : 'all'} onChange={(_e, v) => v && setOnlyNarrative(v === 'narrative')}>
          <ToggleButton value="narrative">Chỉ dòng có ý kiến</ToggleButton>
          <ToggleButton value="all">Tất cả</ToggleButton>
        </ToggleButtonGroup>
        <Typography variant="body2" color="text.secondary">
          {shown.length} dòng
        </Typography>
      </Stack>
      <Paper variant="outlined">
        <Table size="small" aria-label="Ý kiến của các cơ quan">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: '22%' }}>{by === 'task' ? 'Nhiệm vụ' : 'Cơ quan'}</TableCell>
              <TableCell sx={{ width: '16%' }}>{by === 'task' ? 'Cơ quan' : 'Nhiệm vụ'}</TableCell>
              <TableCell>Tình trạng, kết quả</TableCell>
              <TableCell>Văn bản chứng minh</TableCell>
              <TableCell>Khó khăn, vướng mắc</TableCell>
              <TableCell>Kiến nghị, đề xuất</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.slice(0, PAGE).map((a, i) => {
              const head = first(a);
              const repeat = i > 0 && first(shown[i - 1]!) === head;
              return (
                <TableRow key={`${a.agencyId}-${a.taskId ?? a.task}-${i}`}>
                  <TableCell sx={{ ...cell, fontWeight: 600 }}>{repeat ? '' : head}</TableCell>
                  <TableCell sx={cell}>{second(a)}</TableCell>
                  <TableCell sx={cell}>
                    <strong>{TASK_STATUSES[a.status]}</strong>
                    {a.result && `\n${a.result}`}
                  </TableCell>
                  <TableCell sx={cell}>{a.evidence}</TableCell>
                  <TableCell sx={cell}>{a.difficulties}</TableCell>
                  <TableCell sx={cell}>{a.proposals}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Paper>
      {shown.length > PAGE && (
        <Typography variant="body2" color="text.secondary">
          Hiện {PAGE}/{shown.length} dòng đầu; gõ vào ô tìm để thu hẹp, hoặc xuất bảng .xlsx (trang "Ý kiến các cơ quan") để xem đủ.
        </Typography>
      )}
    </Stack>
  );
}
