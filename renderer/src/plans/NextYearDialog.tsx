import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { planForNextYear, type NextYearPlan } from '../../../shared/plan-next-year';
import type { Plan } from '../../../shared/plans';
import { api } from '../api';

/** `after` with the characters that differ from `before` in bold (a year moved keeps the text's length). */
function Changed({ before, after }: { before: string; after: string }) {
  if (before.length !== after.length) return <>{after}</>;
  const parts: Array<{ text: string; changed: boolean }> = [];
  for (let i = 0; i < after.length; i++) {
    const changed = after[i] !== before[i];
    const last = parts[parts.length - 1];
    if (last && last.changed === changed) last.text += after[i];
    else parts.push({ text: after[i]!, changed });
  }
  return <>{parts.map((p, i) => (p.changed ? <strong key={i}>{p.text}</strong> : p.text))}</>;
}

/**
 * "Nhân bản cho năm sau": shows what the copy changes (before → after), computed from the plan as
 * stored, by the same function the backend uses to make the copy; nothing is created until confirmed.
 */
export function NextYearDialog({ id, onClose, onCopied }: { id: number; onClose: () => void; onCopied: (copy: Plan) => void }) {
  const [preview, setPreview] = useState<{ plan: Plan; next: NextYearPlan }>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.getPlan({ id }).then(
      (plan) => setPreview({ plan, next: planForNextYear(plan) }),
      (err: Error) => setFailure(err.message),
    );
  }, [id]);
  const confirm = async () => {
    setBusy(true);
    try {
      onCopied(await api.duplicatePlan({ id, revision: preview?.plan.revision ?? null }));
    } catch (err) {
      setFailure((err as Error).message);
      setBusy(false);
    }
  };
  const year = preview ? preview.plan.draftYear + 1 : undefined;
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="md" fullWidth aria-labelledby="next-year-title">
      <DialogTitle id="next-year-title">Nhân bản cho năm sau</DialogTitle>
      <DialogContent>
        {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
        {!preview && !failure && <Typography>Đang chuẩn bị…</Typography>}
        {preview && (
          <>
            <Typography sx={{ mb: 1 }}>
              Một dự thảo mới được tạo từ kế hoạch này, với các thay đổi sau:
            </Typography>
            <Table size="small" aria-label="Các thay đổi khi nhân bản">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 170 }}>Ở đâu</TableCell>
                  <TableCell>Trước</TableCell>
                  <TableCell>Sau</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {preview.next.changes.map((c, i) => (
                  <TableRow key={i}>
                    <TableCell sx={{ fontWeight: 600 }}>{c.place}</TableCell>
                    <TableCell>{c.before}</TableCell>
                    <TableCell>
                      <Changed before={c.before} after={c.after} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Typography variant="body2" sx={{ mt: 2 }}>
              {preview.next.movedDeadlines > 0
                ? `Thời hạn của ${preview.next.movedDeadlines}/${preview.plan.tasks.length} nhiệm vụ lùi sang năm sau (thường xuyên, theo nhiệm kỳ giữ nguyên).`
                : `${preview.plan.tasks.length} nhiệm vụ được chép sang, không có thời hạn nào theo năm.`}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              Giữ nguyên: năm trong số hiệu văn bản trích dẫn (30/2020/NĐ-CP), ngày tháng (12/12/2022), giai đoạn nhiều năm (2021 – 2025) và nội dung các đoạn văn, nhiệm vụ (là kết quả của năm cũ) — hãy rà soát lại sau khi
              nhân bản.
            </Typography>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Hủy
        </Button>
        <Button variant="contained" disabled={!preview || busy} onClick={() => void confirm()}>
          {year ? `Tạo dự thảo năm ${year}` : 'Tạo dự thảo'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
