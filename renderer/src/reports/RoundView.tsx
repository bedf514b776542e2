import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
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
import { formatVnDate, localDayOf } from '../../../shared/dates';
import { savedToFolderMessage, type FileContent } from '../../../shared/files';
import type { ReportTexts, Round, Tracking } from '../../../shared/reports';
import { api } from '../api';
import { Notice, type NoticeState } from '../components/Notice';
import { PreviewDialog } from '../drafts/PreviewDialog';
import { downloadFile, exportFile } from '../files';
import { href } from '../router';
import { AnswersPanel } from './AnswersPanel';
import { ManualEntryDialog } from './ManualEntryDialog';
import { OnTimeChart, OnTimeLegend, OnTimeMiniBar } from './OnTimeChart';
import { ReceiveForms } from './ReceiveForms';
import { ReminderDialog } from './ReminderDialog';
import { StatusBars } from './StatusBars';

export function RoundView({ id }: { id: number }) {
  const [round, setRound] = useState<Round>();
  const [tracking, setTracking] = useState<Tracking>();
  const [tab, setTab] = useState<'tracking' | 'answers' | 'receive' | 'report'>('tracking');
  const [reminding, setReminding] = useState(false);
  const [version, setVersion] = useState(0);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [message, setMessage] = useState<NoticeState>();
  const [manual, setManual] = useState<{ agencyId: number; name: string }>();
  const [texts, setTexts] = useState<ReportTexts>();
  const [previewing, setPreviewing] = useState(false);

  const reload = useCallback(async () => {
    const t = await api.getRoundTracking({ roundId: id });
    setTracking(t);
    setVersion((v) => v + 1);
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

  /** Desktop app: into a folder, never over a file already there; browser mode: downloaded (several as one .zip). */
  async function deliver(files: FileContent[], zipName: string) {
    const saved = await api.saveFilesToFolder({ files });
    if (saved.saved) setMessage({ severity: saved.files.some((f) => f.renamed) ? 'warning' : 'success', text: savedToFolderMessage(saved, 'biểu mẫu') });
    else if (!window.noivu) {
      if (files.length === 1) downloadFile(files[0]!);
      else downloadFile(await api.zipFiles({ files, fileName: zipName }));
      setMessage({ severity: 'success', text: files.length === 1 ? `Đã tạo biểu mẫu ${files[0]!.fileName}.` : `Đã tạo ${files.length} biểu mẫu (tệp .zip).` });
    }
  }

  async function generateOne(agency: { agencyId: number; name: string }) {
    await deliver([await api.generateReportForm({ roundId: id, agencyId: agency.agencyId })], '');
  }

  async function generateAll() {
    if (!tracking) return;
    const files: FileContent[] = [];
    setProgress({ done: 0, total: tracking.agencies.length });
    for (const [i, a] of tracking.agencies.entries()) {
      files.push(await api.generateReportForm({ roundId: id, agencyId: a.agencyId }));
      setProgress({ done: i + 1, total: tracking.agencies.length });
    }
    try {
      await deliver(files, `bieu-mau-${round?.name ?? 'bao-cao'}.zip`);
    } finally {
      setProgress(undefined);
    }
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
        <Tab value="answers" label="Ý kiến của cơ quan" />
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
              onClick={() => setReminding(true)}
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
          <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap' }} useFlexGap>
            <OnTimeChart counts={tracking.onTimeCounts} asOf={tracking.asOf} />
            <Box>
              <Typography variant="subtitle2" gutterBottom>
                Tình trạng do cơ quan chủ trì báo cáo
              </Typography>
              <StatusBars counts={tracking.counts} total={tracking.totalTasks} />
            </Box>
          </Stack>
          <OnTimeLegend />
          <Paper variant="outlined">
            <Table size="small" aria-label="Tình hình gửi báo cáo">
              <TableHead>
                <TableRow>
                  <TableCell>Cơ quan</TableCell>
                  <TableCell align="right">Nhiệm vụ</TableCell>
                  <TableCell>Ngày nhận</TableCell>
                  <TableCell>Tình trạng gửi</TableCell>
                  <TableCell align="right">Hoàn thành</TableCell>
                  <TableCell>Tiến độ</TableCell>
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
                    <TableCell>
                      <OnTimeMiniBar counts={a.onTimeCounts} />
                    </TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button size="small" onClick={() => void guard(() => generateOne(a))} aria-label={`Tạo biểu mẫu cho ${a.name}`}>
                        Biểu mẫu
                      </Button>
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
      {tab === 'answers' && <AnswersPanel roundId={id} version={version} />}
      {tab === 'receive' && <ReceiveForms roundId={id} onRecorded={() => void reload()} />}
      {tab === 'report' && texts && (
        <Stack spacing={2} sx={{ maxWidth: 1000 }}>
          <Typography variant="body2" color="text.secondary">
            Số liệu (số cơ quan đã gửi, đúng hạn, tiến độ nhiệm vụ, tỷ lệ hoàn thành) được tự điền vào mục I; khó khăn, vướng mắc và kiến nghị, đề xuất của từng cơ quan được tóm tắt ở mục II và IV. Phụ lục: kết quả từng nhiệm vụ, tình hình gửi báo cáo, ý kiến của các cơ quan theo từng nhiệm vụ và nhiệm vụ bổ sung.
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
          onClose={() => setManual(undefined)}
          onSaved={() => {
            setManual(undefined);
            void reload();
          }}
        />
      )}
      {reminding && round && (
        <ReminderDialog
          roundId={id}
          dueDate={round.dueDate}
          missing={tracking.agencies.filter((a) => a.submittedAt === null).map((a) => a.name)}
          onClose={() => setReminding(false)}
          onCreated={(draftId) => {
            setReminding(false);
            window.location.hash = href(`cong-van/${draftId}`);
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
