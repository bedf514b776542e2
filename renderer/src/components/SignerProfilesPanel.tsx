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
import { useCallback, useEffect, useState } from 'react';
import type { SignerProfile } from '../../../shared/drafts';
import type { Issuer } from '../../../shared/issuers';
import MenuItem from '@mui/material/MenuItem';
import type { IssuerProfileInput } from '../../../shared/profile';
import { api } from '../api';
import { Notice, type NoticeState } from './Notice';
import { fieldErrors } from '../errors';

type Draft = { id?: number; revision?: number; label: string; signer: IssuerProfileInput['signer']; issuerId: number | null };
const EMPTY: Draft = { label: '', signer: { authority: [], title: '', name: '' }, issuerId: null };

/** Saved signature blocks to choose from in each document. */
export function SignerProfilesPanel() {
  const [profiles, setProfiles] = useState<SignerProfile[]>([]);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<NoticeState>();
  const [issuers, setIssuers] = useState<Issuer[]>([]);
  const reload = useCallback(() => api.listSignerProfiles({}).then(setProfiles), []);
  useEffect(() => void reload(), [reload]);
  useEffect(() => void api.listIssuers({}).then(setIssuers, () => setIssuers([])), []);
  const usedFor = (issuerId: number | null) => (issuerId === null ? 'Tất cả' : (issuers.find((i) => i.id === issuerId)?.label ?? ''));
  const setSigner = (patch: Partial<Draft['signer']>) => setDraft({ ...draft, signer: { ...draft.signer, ...patch } });

  async function save() {
    try {
      const saved = await api.saveSignerProfile(draft);
      setMessage({ severity: 'success', text: `Đã lưu người ký "${saved.label}".` });
      setDraft(EMPTY);
      setErrors({});
      await reload();
    } catch (err) {
      setErrors(fieldErrors(err));
      setMessage({ severity: 'error', text: (err as Error).message });
    }
  }

  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <Paper variant="outlined">
        <Table size="small" aria-label="Người ký đã lưu">
          <TableHead>
            <TableRow>
              <TableCell>Tên gọi</TableCell>
              <TableCell>Khối chữ ký</TableCell>
              <TableCell>Dùng cho</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {profiles.length === 0 && (
              <TableRow>
                <TableCell colSpan={4}>
                  <Typography color="text.secondary">Chưa lưu người ký nào; văn bản dùng người ký mặc định của cơ quan ban hành.</Typography>
                </TableCell>
              </TableRow>
            )}
            {profiles.map((p) => (
              <TableRow key={p.id}>
                <TableCell>{p.label}</TableCell>
                <TableCell>{[...p.signer.authority, p.signer.title, p.signer.name].join(' / ')}</TableCell>
                <TableCell>{usedFor(p.issuerId)}</TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => setDraft({ id: p.id, revision: p.revision, label: p.label, signer: p.signer, issuerId: p.issuerId })}>
                    Sửa
                  </Button>
                  <Button size="small" color="error" onClick={() => void api.deleteSignerProfile({ id: p.id }).then(reload)}>
                    Xóa
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Typography variant="subtitle1">{draft.id ? 'Sửa người ký' : 'Thêm người ký'}</Typography>
      <Notice notice={message} onClose={() => setMessage(undefined)} />
      <TextField label="Tên gọi" placeholder="Ví dụ: Phó Chủ tịch phụ trách CCHC ký thay" value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value })} error={Boolean(errors.label)} helperText={errors.label} />
      <TextField select label="Dùng cho" value={draft.issuerId ?? 0} onChange={(e) => setDraft({ ...draft, issuerId: Number(e.target.value) || null })} helperText="Văn bản của cơ quan này thấy người ký này trước; “Tất cả”: mọi cơ quan ban hành.">
        <MenuItem value={0}>Tất cả</MenuItem>
        {issuers.map((i) => (
          <MenuItem key={i.id} value={i.id}>
            {i.label}
          </MenuItem>
        ))}
      </TextField>
      {[0, 1, 2].map((i) => (
        <TextField
          key={i}
          label={`Dòng thẩm quyền ${i + 1} (TM., KT., TL., TUQ., Q.)`}
          value={draft.signer.authority[i] ?? ''}
          error={Boolean(errors[`signer.authority.${i}`])}
          helperText={errors[`signer.authority.${i}`]}
          onChange={(e) => setSigner({ authority: [0, 1, 2].map((j) => (j === i ? e.target.value : (draft.signer.authority[j] ?? ''))).filter(Boolean) })}
        />
      ))}
      <TextField label="Chức vụ người ký" value={draft.signer.title} onChange={(e) => setSigner({ title: e.target.value })} error={Boolean(errors['signer.title'])} helperText={errors['signer.title']} />
      <TextField label="Họ tên người ký" value={draft.signer.name} onChange={(e) => setSigner({ name: e.target.value })} error={Boolean(errors['signer.name'])} helperText={errors['signer.name']} />
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => void save()}>
          Lưu người ký
        </Button>
        {draft.id && <Button onClick={() => setDraft(EMPTY)}>Thôi sửa</Button>}
      </Stack>
    </Stack>
  );
}
