import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import type { Issuer } from '../../../shared/issuers';
import { api } from '../api';
import { IssuerProfileForm } from './IssuerProfileForm';
import { Notice, type NoticeState } from './Notice';
import { NumberSeriesEditor } from './NumberSeriesEditor';

type Open = { form: 'new' } | { form: 'edit'; id: number } | { form: 'series'; id: number } | null;

/** Cài đặt → Cơ quan ban hành: every issuing body, the default one marked, and under the chosen one its form or its series. */
export function IssuersPanel() {
  const [issuers, setIssuers] = useState<Issuer[]>();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<NoticeState>();
  const fail = (err: unknown) => setNotice({ severity: 'error', text: (err as Error).message });
  const reload = useCallback(() => api.listIssuers({}).then(setIssuers, fail), []);
  useEffect(() => void reload(), [reload]);

  if (!issuers) return <Typography>Đang tải…</Typography>;
  // First run: the form alone; what is saved becomes the default issuer.
  if (issuers.length === 0) {
    const first = (i: Issuer) => {
      setIssuers([i]);
      setOpen({ form: 'edit', id: i.id });
      setNotice({ severity: 'success', text: 'Đã lưu thông tin cơ quan ban hành.' });
    };
    return <IssuerProfileForm issuer={null} firstRun onSaved={first} />;
  }

  const chosen = open && open.form !== 'new' ? issuers.find((i) => i.id === open.id) : undefined;
  async function makeDefault(issuer: Issuer) {
    try {
      setIssuers(await api.setDefaultIssuer({ id: issuer.id }));
      setNotice({ severity: 'success', text: `"${issuer.label}" là cơ quan ban hành mặc định của văn bản mới.` });
    } catch (err) {
      fail(err);
    }
  }
  async function remove(issuer: Issuer) {
    if (!window.confirm(`Xóa cơ quan ban hành "${issuer.label}" cùng các sổ đăng ký của cơ quan này?`)) return;
    try {
      await api.deleteIssuer({ id: issuer.id, revision: issuer.revision });
      setOpen(null);
      setNotice({ severity: 'success', text: `Đã xóa "${issuer.label}".` });
      await reload();
    } catch (err) {
      fail(err);
    }
  }

  return (
    <Stack spacing={2}>
      <Notice notice={notice} onClose={() => setNotice(undefined)} />
      <Paper variant="outlined">
        <Table size="small" aria-label="Các cơ quan ban hành">
          <TableHead>
            <TableRow>
              <TableCell>Tên gọi</TableCell>
              <TableCell>Viết tắt</TableCell>
              <TableCell>Địa danh</TableCell>
              <TableCell>Người ký mặc định</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {issuers.map((issuer) => (
              <TableRow key={issuer.id} selected={chosen?.id === issuer.id}>
                <TableCell>
                  {issuer.label} {issuer.isDefault && <Chip size="small" color="primary" label="Mặc định" sx={{ ml: 1 }} />}
                </TableCell>
                <TableCell>{issuer.issuerAbbr}</TableCell>
                <TableCell>{issuer.place}</TableCell>
                <TableCell>{issuer.signer.name}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" aria-label={`Sửa ${issuer.label}`} onClick={() => setOpen({ form: 'edit', id: issuer.id })}>
                    Sửa
                  </Button>
                  <Button size="small" aria-label={`Sổ đăng ký của ${issuer.label}`} onClick={() => setOpen({ form: 'series', id: issuer.id })}>
                    Sổ đăng ký
                  </Button>
                  {!issuer.isDefault && (
                    <Button size="small" aria-label={`Đặt ${issuer.label} làm mặc định`} onClick={() => void makeDefault(issuer)}>
                      Đặt mặc định
                    </Button>
                  )}
                  <Button size="small" color="error" aria-label={`Xóa ${issuer.label}`} onClick={() => void remove(issuer)}>
                    Xóa
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <div>
        <Button variant="outlined" onClick={() => setOpen({ form: 'new' })}>
          Thêm cơ quan ban hành
        </Button>
      </div>
      {open?.form === 'new' && (
        <IssuerProfileForm key="new" issuer={null} onCancel={() => setOpen(null)} onSaved={(i) => (setOpen({ form: 'edit', id: i.id }), void reload())} />
      )}
      {open?.form === 'edit' && chosen && (
        <IssuerProfileForm key={`edit-${chosen.id}`} issuer={chosen} onCancel={() => setOpen(null)} onSaved={() => void reload()} />
      )}
      {open?.form === 'series' && chosen && <NumberSeriesEditor key={chosen.id} issuer={chosen} />}
    </Stack>
  );
}
