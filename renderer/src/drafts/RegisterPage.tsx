import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { RegisterEntry } from '../../../shared/drafts';
import { api } from '../api';
import { KIND_LABELS, RegisterTable } from './RegisterTable';

/** Every document, drafts and issued, searchable without diacritics. */
export function RegisterPage() {
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<RegisterEntry['kind'] | ''>('');
  const [status, setStatus] = useState<'draft' | 'issued' | ''>('');
  const [year, setYear] = useState('');
  const [entries, setEntries] = useState<RegisterEntry[]>([]);
  useEffect(() => {
    const timer = setTimeout(
      () => void api.listRegister({ query, kind: kind || null, status: status || null, year: year ? Number(year) : null }).then(setEntries, () => setEntries([])),
      150,
    );
    return () => clearTimeout(timer);
  }, [query, kind, status, year]);
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        Sổ văn bản
      </Typography>
      <Stack direction="row" spacing={1}>
        <TextField sx={{ width: 340 }} label="Tìm theo trích yếu" placeholder="gõ có dấu hoặc không dấu" value={query} onChange={(e) => setQuery(e.target.value)} />
        <TextField select sx={{ width: 170 }} label="Loại" value={kind} onChange={(e) => setKind(e.target.value as RegisterEntry['kind'] | '')}>
          <MenuItem value="">Tất cả</MenuItem>
          {Object.entries(KIND_LABELS).map(([k, label]) => (
            <MenuItem key={k} value={k}>
              {label}
            </MenuItem>
          ))}
        </TextField>
        <TextField select sx={{ width: 170 }} label="Trạng thái" value={status} onChange={(e) => setStatus(e.target.value as 'draft' | 'issued' | '')}>
          <MenuItem value="">Tất cả</MenuItem>
          <MenuItem value="draft">Dự thảo</MenuItem>
          <MenuItem value="issued">Đã ban hành</MenuItem>
        </TextField>
        <TextField sx={{ width: 110 }} label="Năm" type="number" value={year} onChange={(e) => setYear(e.target.value)} />
      </Stack>
      <RegisterTable entries={entries} showKind />
    </Stack>
  );
}
