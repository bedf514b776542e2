import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import type { Issuer, NumberSeries } from '../../../shared/issuers';
import { DOCUMENT_KIND_IDS, DOCUMENT_KINDS, type DocumentKind } from '../../../shared/nd30';
import { api } from '../api';
import { Notice, type NoticeState } from './Notice';

type Row = { id: number | null; revision: number | null; name: string; kinds: DocumentKind[]; usedNumbers: number };

const rowOf = (s: NumberSeries): Row => ({ id: s.id, revision: s.revision, name: s.name, kinds: s.kinds, usedNumbers: s.usedNumbers });

/** "Sổ đăng ký văn bản đi" of one issuer: each series' name and the kinds it numbers. */
export function NumberSeriesEditor(props: { issuer: Issuer }) {
  const { issuer } = props;
  const [rows, setRows] = useState<Row[]>([]);
  const [notice, setNotice] = useState<NoticeState>();
  const show = useCallback((list: NumberSeries[]) => setRows(list.map(rowOf)), []);
  useEffect(() => {
    api.listNumberSeries({ issuerId: issuer.id }).then(show, (err: Error) => setNotice({ severity: 'error', text: err.message }));
  }, [issuer.id, show]);

  const edit = (i: number, patch: Partial<Row>) => setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const toggle = (i: number, kind: DocumentKind) => {
    const kinds = rows[i]!.kinds;
    edit(i, { kinds: kinds.includes(kind) ? kinds.filter((k) => k !== kind) : DOCUMENT_KIND_IDS.filter((k) => k === kind || kinds.includes(k)) });
  };

  async function run(action: () => Promise<NumberSeries[]>, done: string) {
    try {
      show(await action());
      setNotice({ severity: 'success', text: done });
    } catch (err) {
      setNotice({ severity: 'error', text: (err as Error).message });
    }
  }
  const save = (row: Row) =>
    run(() => api.saveNumberSeries({ id: row.id, revision: row.revision, issuerId: issuer.id, name: row.name, kinds: row.kinds }), `Đã lưu sổ "${row.name}".`);
  const remove = (i: number, row: Row) =>
    row.id === null ? setRows((r) => r.filter((_, j) => j !== i)) : run(() => api.deleteNumberSeries({ id: row.id!, revision: row.revision }), `Đã xóa sổ "${row.name}".`);

  return (
    <Stack spacing={1.5} component="section" aria-label={`Sổ đăng ký văn bản đi của ${issuer.label}`}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        Sổ đăng ký văn bản đi — {issuer.label}
      </Typography>
      <Alert severity="info">
        Số văn bản chạy từ 01 mỗi năm, riêng cho từng sổ; một số chỉ cấp cho một văn bản (Nghị định 30/2020/NĐ-CP, Điều 15). Mỗi loại văn bản được đánh số trong đúng một sổ;
        chọn một loại cho sổ này sẽ chuyển loại đó khỏi sổ cũ.
      </Alert>
      <Notice notice={notice} onClose={() => setNotice(undefined)} />
      {rows.map((row, i) => (
        <Paper key={row.id ?? `new-${i}`} variant="outlined" sx={{ p: 1.5 }} data-testid="number-series">
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            <TextField size="small" label="Tên sổ" value={row.name} onChange={(e) => edit(i, { name: e.target.value })} sx={{ flex: "0 0 260px" }} />
            <Box role="group" aria-label={`Loại văn bản của sổ ${row.name || 'mới'}`} sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
              {DOCUMENT_KIND_IDS.map((kind) => (
                <Chip
                  key={kind}
                  label={DOCUMENT_KINDS[kind].name}
                  color={row.kinds.includes(kind) ? 'primary' : 'default'}
                  variant={row.kinds.includes(kind) ? 'filled' : 'outlined'}
                  aria-pressed={row.kinds.includes(kind)}
                  onClick={() => toggle(i, kind)}
                />
              ))}
            </Box>
            <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
              {row.id === null ? 'Sổ mới' : `Năm nay đã cấp ${row.usedNumbers} số`}
              {row.id !== null && row.kinds.length === 0 ? ' · chưa đánh số loại nào' : ''}
            </Typography>
            <Button size="small" variant="outlined" onClick={() => void save(row)}>
              Lưu sổ
            </Button>
            <Button size="small" color="error" onClick={() => void remove(i, row)}>
              Xóa sổ
            </Button>
          </Stack>
        </Paper>
      ))}
      <Box>
        <Button onClick={() => setRows((r) => [...r, { id: null, revision: null, name: '', kinds: [], usedNumbers: 0 }])}>Thêm sổ</Button>
      </Box>
    </Stack>
  );
}
