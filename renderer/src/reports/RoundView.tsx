import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import type { RequestOutput } from '../../../shared/api';
import { formatVnDate, localDayOf, todayIso } from '../../../shared/dates';
import { savedToFolderMessage, type FileContent } from '../../../shared/files';
import { TASK_STATUSES, TASK_STATUS_IDS, type ReportTexts, type Round, type TaskStatus, type Tracking } from '../../../shared/reports';
import { api } from '../api';
import { Notice, type NoticeState } from '../components/Notice';
import { DateField } from '../components/DateField';
import { EditDialog } from '../components/EditDialog';
import { useDirty } from '../components/useDirty';
import { useInvalidFields } from '../components/useInvalidFields';
import { PreviewDialog } from '../drafts/PreviewDialog';
import { downloadFile, exportFile } from '../files';
import { href } from '../router';
import { ReceiveForms } from './ReceiveForms';
import { StatusBars } from './StatusBars';

type AgencyTasks = RequestOutput<'getAgencyRoundTasks'>;

function ManualEntryDialog(props: { roundId: number; agency: { agencyId: number; name: string }; dueDate: string; onClose: () => void; onSaved: () => void }) {
  const [tasks, setTasks] = useState<AgencyTasks>([]);
  const [loaded, setLoaded] = useState<AgencyTasks>([]);
  const [today] = useState(todayIso);
  const [date, setDate] = useState<string | null>(today);
  const dirty = useDirty({ tasks, date }, { tasks: loaded, date: today });
  const invalid = useInvalidFields();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    api.getAgencyRoundTasks({ roundId: props.roundId, agencyId: props.agency.agencyId }).then((t) => (setTasks(t), setLoaded(t)), (err: Error) => setFailure(err.message));
  }, [props.roundId, props.agency.agencyId]);
  const set = (i: number, patch: Partial<AgencyTasks[number]>) => setTasks(tasks.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  async function save() {
    if (invalid.first) return setFailure(`Chưa ghi — ${invalid.first}`);
    if (!date) return setFailure('Chưa ghi — Ngày nhận báo cáo: hãy chọn ngày.');
    try {
      const entries = tasks.filter((t) => t.status).map((t) => ({ taskId: t.taskId, status: t.status!, result: t.result, evidence: t.evidence, difficulties: '', proposals: '' }));
      await api.saveManualSubmission({ roundId: props.roundId, agencyId: props.agency.agencyId, receivedDate: date ?? '', entries });
      props.onSaved();
    } catch (err) {
      setFailure((err as Error).message);
    }
  }
  return (
    <EditDialog dirty={dirty} onClose={props.onClose} maxWidth="md" fullWidth>
      <DialogTitle>Nhập tay báo cáo của {props.agency.name}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {failure && <Alert severity="error">{failure}</Alert>}
          <DateField label="Ngày nhận báo cáo" required value={date} onChange={setDate} onInvalid={(m) => invalid.report('Ngày nhận báo cáo', m)} />
          {tasks.map((t, i) => (
            <Paper key={t.taskId} variant="outlined" sx={{ p: 1.5 }}>
              <Typography variant="body2" gutterBottom>
                {t.content} <em>({t.role === 'chu-tri' ? 'chủ trì' : 'phối hợp'})</em>
              </Typography>
              <Stack direction="row" spacing={1}>
                <TextField select sx={{ width: 260 }} label="Tình trạng" value={t.status ?? ''} onChange={(e) => set(i, { status: (e.target.value || null) as TaskStatus | null })}>
                  <MenuItem value="">(chưa báo cáo)</MenuItem>
                  {TASK_STATUS_IDS.map((s) => (
                    <MenuItem key={s} value={s}>
                      {TASK_STATUSES[s]}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField label="Kết quả" value={t.result} onChange={(e) => set(i, { result: e.target.value })} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Hủy</Button>
        <Button variant="contained" onClick={() => void save()}>
          Ghi báo cáo
        </Button>
      </DialogActions>
    </EditDialog>
  );
}

export function RoundView({ id }: { id: number }) {
  const [round, setRound] = useState<Round>();
  const [tracking, setTracking] = useState<Tracking>();
  const [tab, setTab] = useState<'tracking' | 'receive' | 'report'>('tracking');
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [message, setMessage] = useState<NoticeState>();
  const [manual, setManual] = useState<{ agencyId: number; name: string }>();
  const [texts, setTexts] = useState<ReportTexts>();
  const [previewing, setPreviewing] = useState(false);

  const reload = useCallback(async () => {
    const t = await api.getRoundTracking({ roundId: id });
    setTracking(t);
  }, [id]);
  useEffect(() => {
    Promise.all([api.getRound({ id }), reload()]).then(
      ([r]) => {
        setRound(r);
        setTexts(r.texts);
      },
      (err: Error) => setMessage({ severity: 'error', text: err.message }),
    );
  }, [id, reload]);

  const guard = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      setMessage({ severity: 'error', text: (err as Error).message });
    }
  };

  async function generateAll() {
    if (!tracking) return;
    const files: FileContent[] = [];
    setProgress({ done: 0, total: tracking.agencies.length });
    for (const [i, a] of tracking.agencies.entries()) {
      files.push(await api.generateReportForm({ roundId: id, agencyId: a.agencyId }));
      setProgress({ done: i + 1, total: tracking.agencies.length });
    }
    const saved = await api.saveFilesToFolder({ files });
    if (saved.saved) setMessage({ severity: saved.files.some((f) => f.renamed) ? 'warning' : 'success', text: savedToFolderMessage(saved, 'biểu mẫu') });
    else if (!window.noivu) {
      downloadFile(await api.zipFiles({ files, fileName: `bieu-mau-${round?.name ?? 'bao-cao'}.zip` }));
      setMessage({ severity: 'success', text: `Đã tạo ${files.length} biểu mẫu (tệp .zip).` });
    }
    setProgress(undefined);
  }

  if (!tracking) return <Typography>{message?.text ?? 'Đang tải…'}</Typography>;
  const submitted = tracking.agencies.filter((a) => a.submittedAt);
  const onTime = submitted.filter((a) => a.onTime).length;

  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Button href={href('bao-cao')}>← Các kỳ báo cáo</Button>
        <Typography variant="h6" component="h1" sx={{ flex: 1 }}>
          Kỳ báo cáo: {round?.name} {round && `(hạn gửi ${formatVnDate(round.dueDate)})`}
        </Typography>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }} useFlexGap>
        <Chip color="primary" label={`Đã gửi: ${submitted.length}/${tracking.agencies.length}`} />
        <Chip color="success" variant="outlined" label={`Đúng hạn: ${onTime}`} />
        <Chip color="warning" variant="outlined" label={`Quá hạn: ${submitted.length - onTime}`} />
        <Chip color="error" variant="outlined" label={`Chưa gửi: ${tracking.agencies.length - submitted.length}`} />
        <Chip label={`Tỷ lệ hoàn thành nhiệm vụ: ${tracking.completionRate.toLocaleString('vi-VN')}%`} />
      </Stack>
      <Notice notice={message} onClose={() => setMessage(undefined)} sx={{ mb: 2 }} />
      {tracking.unreachable.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          Các tên sau được gõ tay trong kế hoạch nên không gửi được biểu mẫu: {tracking.unreachable.join('; ')}. Hãy chọn cơ quan hoặc nhóm trong danh mục.
        </Alert>
      )}
      <Tabs value={tab} onChange={(_e, v) => setTab(v)} sx={{ mb: 2 }}>
        <Tab value="tracking" label="Theo dõi" />
        <Tab value="receive" label="Nhận báo cáo" />
        <Tab value="report" label="Báo cáo tổng hợp" />
      </Tabs>
      {tab === 'tracking' && (
        <Stack spacing={2}>
          <Stack direction="row" spacing={1}>
            <Button variant="contained" disabled={Boolean(progress)} onClick={() => void guard(generateAll)}>
              Tạo biểu mẫu cho tất cả cơ quan
            </Button>
            <Button
              variant="outlined"
              disabled={submitted.length === tracking.agencies.length}
              onClick={() => void guard(async () => {
                const draft = await api.createReminderForRound({ roundId: id });
                window.location.hash = href(`cong-van/${draft.id}`);
              })}
            >
              Công văn đôn đốc các cơ quan chưa gửi
            </Button>
          </Stack>
          {progress && (
            <Box sx={{ maxWidth: 600 }}>
              <Typography variant="body2">
                Đang tạo biểu mẫu {progress.done}/{progress.total}…
              </Typography>
              <LinearProgress variant="determinate" value={(progress.done / progress.total) * 100} />
            </Box>
          )}
          <StatusBars counts={tracking.counts} total={tracking.totalTasks} />
          <Paper variant="outlined">
            <Table size="small" aria-label="Tình hình gửi báo cáo">
              <TableHead>
                <TableRow>
                  <TableCell>Cơ quan</TableCell>
                  <TableCell align="right">Nhiệm vụ</TableCell>
                  <TableCell>Ngày nhận</TableCell>
                  <TableCell>Tình trạng gửi</TableCell>
                  <TableCell align="right">Hoàn thành</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {tracking.agencies.map((a) => (
                  <TableRow key={a.agencyId}>
                    <TableCell>{a.name}</TableCell>
                    <TableCell align="right">{a.tasks}</TableCell>
                    <TableCell>{a.submittedAt ? formatVnDate(localDayOf(a.submittedAt)) : ''}</TableCell>
                    <TableCell>
                      {a.submittedAt === null ? <Chip size="small" color="error" label="Chưa gửi" /> : a.onTime ? <Chip size="small" color="success" label="Đúng hạn" /> : <Chip size="small" color="warning" label="Quá hạn" />}
                      {a.submissions > 1 && <Typography variant="caption"> (gửi {a.submissions} lần)</Typography>}
                    </TableCell>
                    <TableCell align="right">{(a.counts['hoan-thanh-dung-han'] ?? 0) + (a.counts['hoan-thanh-qua-han'] ?? 0)}</TableCell>
                    <TableCell align="right">
                      <Button size="small" onClick={() => setManual(a)}>
                        Nhập tay
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Paper>
        </Stack>
      )}
      {tab === 'receive' && <ReceiveForms roundId={id} onRecorded={() => void reload()} />}
      {tab === 'report' && texts && (
        <Stack spacing={2} sx={{ maxWidth: 1000 }}>
          <Typography variant="body2" color="text.secondary">
            Số liệu (số cơ quan đã gửi, đúng hạn, số nhiệm vụ theo tình trạng, tỷ lệ hoàn thành) được tự điền vào mục I. Hai phụ lục: kết quả từng nhiệm vụ và tình hình gửi báo cáo.
          </Typography>
          {(
            [
              ['results', 'I. Kết quả thực hiện (phần viết thêm)'],
              ['shortcomings', 'II. Tồn tại, hạn chế'],
              ['nextTasks', 'III. Nhiệm vụ trọng tâm thời gian tới'],
              ['proposals', 'IV. Đề xuất, kiến nghị'],
            ] as const
          ).map(([key, label]) => (
            <TextField key={key} multiline minRows={3} label={label} value={texts[key]} onChange={(e) => setTexts({ ...texts, [key]: e.target.value })} />
          ))}
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={() => void guard(async () => (setRound(await api.saveReportTexts({ id, texts, revision: round?.revision })), setMessage({ severity: 'success', text: 'Đã lưu nội dung báo cáo.' })))}>
              Lưu nội dung
            </Button>
            <Button variant="outlined" onClick={() => void guard(async () => (setRound(await api.saveReportTexts({ id, texts, revision: round?.revision })), setPreviewing(true)))}>
              Xem trước
            </Button>
            <Button variant="outlined" onClick={() => void guard(async () => void (await exportFile(await api.exportRoundReportDocx({ roundId: id }))))}>
              Xuất Báo cáo .docx
            </Button>
            <Button onClick={() => void guard(async () => void (await exportFile(await api.exportRoundReportXlsx({ roundId: id }))))}>Xuất bảng .xlsx</Button>
          </Stack>
        </Stack>
      )}
      {manual && round && (
        <ManualEntryDialog
          roundId={id}
          agency={manual}
          dueDate={round.dueDate}
          onClose={() => setManual(undefined)}
          onSaved={() => {
            setManual(undefined);
            void reload();
          }}
        />
      )}
      {previewing && (
        <PreviewDialog
          load={() => api.exportRoundReportDocx({ roundId: id })}
          onClose={() => setPreviewing(false)}
          onExport={() => void guard(async () => void (await exportFile(await api.exportRoundReportDocx({ roundId: id }))))}
        />
      )}
    </Box>
  );
}
