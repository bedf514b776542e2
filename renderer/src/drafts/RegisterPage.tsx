import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { REGISTER_KIND_IDS, REGISTER_KIND_LABELS, REGISTER_STATUS_LABELS, type RegisterEntry, type RegisterFilter, type RegisterKind, type RegisterStatus } from '../../../shared/register';
import { api } from '../api';
import { Notice, type NoticeState } from '../components/Notice';
import { exportFile } from '../files';
import { RegisterTable } from './RegisterTable';

const YEAR = /^\d{4}$/;

/** The issuers met in the register: label by id, kept from the last answer that was not filtered by issuer. */
function issuersOf(entries: readonly RegisterEntry[]): Map<number, string> {
  return new Map(entries.flatMap((e) => (e.issuerId === null ? [] : [[e.issuerId, e.issuerLabel] as const])));
}

/** Sổ văn bản: every plan and document, issued first, searchable by number, ký hiệu or trích yếu. */
export function RegisterPage() {
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<RegisterKind | ''>('');
  const [status, setStatus] = useState<RegisterStatus | ''>('');
  const [year, setYear] = useState('');
  const [issuerId, setIssuerId] = useState<number | ''>('');
  const [entries, setEntries] = useState<RegisterEntry[]>([]);
  const [issuers, setIssuers] = useState<Map<number, string>>(new Map());
  const [notice, setNotice] = useState<NoticeState>();
  const filter: RegisterFilter = { query, kind: kind || null, status: status || null, year: YEAR.test(year) ? Number(year) : null, issuerId: issuerId || null };
  const key = JSON.stringify(filter);
  useEffect(() => {
    const asked = JSON.parse(key) as RegisterFilter;
    const timer = setTimeout(
      () =>
        void api.listRegister(asked).then(
          (rows) => {
            setEntries(rows);
            if (asked.issuerId === null) setIssuers(issuersOf(rows));
          },
          (err: Error) => setNotice({ severity: 'error', text: err.message }),
        ),
      150,
    );
    return () => clearTimeout(timer);
  }, [key]);
  const exportBook = async () => {
    try {
      const path = await exportFile(await api.exportRegisterXlsx(filter));
      setNotice({ severity: 'success', text: path ? `Đã lưu sổ văn bản đi: ${path}` : 'Đã xuất sổ văn bản đi (.xlsx).' });
    } catch (err) {
      setNotice({ severity: 'error', text: (err as Error).message });
    }
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h5" component="h1">
          Sổ văn bản
        </Typography>
        <Button variant="outlined" onClick={() => void exportBook()}>
          Xuất sổ (.xlsx)
        </Button>
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <TextField sx={{ width: 340 }} label="Tìm theo số, ký hiệu hoặc trích yếu" placeholder="1250/UBND, rà soát biên chế…" value={query} onChange={(e) => setQuery(e.target.value)} />
        <TextField sx={{ width: 100 }} label="Năm" value={year} onChange={(e) => setYear(e.target.value.replace(/\D/g, '').slice(0, 4))} error={year !== '' && !YEAR.test(year)} />
        <TextField select sx={{ width: 150 }} label="Loại" value={kind} onChange={(e) => setKind(e.target.value as RegisterKind | '')}>
          <MenuItem value="">Tất cả</MenuItem>
          {REGISTER_KIND_IDS.map((k) => (
            <MenuItem key={k} value={k}>
              {REGISTER_KIND_LABELS[k]}
            </MenuItem>
          ))}
        </TextField>
        <TextField select sx={{ width: 240 }} label="Cơ quan ban hành" value={issuerId} onChange={(e) => setIssuerId(e.target.value === '' ? '' : Number(e.target.value))}>
          <MenuItem value="">Tất cả</MenuItem>
          {[...issuers].map(([id, label]) => (
            <MenuItem key={id} value={id}>
              {label}
            </MenuItem>
          ))}
        </TextField>
        <TextField select sx={{ width: 170 }} label="Trạng thái" value={status} onChange={(e) => setStatus(e.target.value as RegisterStatus | '')}>
          <MenuItem value="">Tất cả</MenuItem>
          {(Object.keys(REGISTER_STATUS_LABELS) as RegisterStatus[]).map((s) => (
            <MenuItem key={s} value={s}>
              {REGISTER_STATUS_LABELS[s]}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Notice notice={notice} onClose={() => setNotice(undefined)} />
      <RegisterTable entries={entries} showKind offset={220} />
    </Stack>
  );
}
