import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Agency, AgencyGroup } from '../../../shared/agencies';
import { formatVnDate } from '../../../shared/dates';
import type { IndexDefinition } from '../../../shared/indices';
import { PLAN_GROUPINGS, type Plan, type PlanInput } from '../../../shared/plans';
import { api } from '../api';
import { Notice, type NoticeState } from '../components/Notice';
import { IssueDialog } from '../components/IssueDialog';
import { exportFile } from '../files';
import { href, useLeaveGuard } from '../router';
import { BodyEditor, type EditorBlock } from './BodyEditor';
import { DistributionEditor } from './DistributionEditor';
import { refOptions } from './RefPicker';
import { TasksEditor, withKey, type EditorTask } from './TasksEditor';

type Form = Omit<PlanInput, 'body'> & { body: EditorBlock[] };

function toForm(p: Plan): Form {
  return { id: p.id, title: p.title, indexId: p.indexId, indexYear: p.indexYear, draftYear: p.draftYear, body: p.body as EditorBlock[], grouping: p.grouping, appendixTitle: p.appendixTitle, distribution: p.distribution, signer: p.signer };
}

export function PlanEditor({ id }: { id: number }) {
  const [plan, setPlan] = useState<Plan>();
  const [form, setForm] = useState<Form>();
  const [tasks, setTasks] = useState<EditorTask[]>([]);
  const [indices, setIndices] = useState<IndexDefinition[]>([]);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [groups, setGroups] = useState<AgencyGroup[]>([]);
  const [tab, setTab] = useState<'general' | 'body' | 'tasks' | 'distribution'>('tasks');
  const [message, setMessage] = useState<NoticeState>();
  const [issuing, setIssuing] = useState(false);
  const [dirty, setDirty] = useState(false);

  const load = useCallback((p: Plan) => {
    setPlan(p);
    setForm(toForm(p));
    setTasks(p.tasks.map(withKey));
    setDirty(false);
  }, []);

  useEffect(() => {
    Promise.all([api.getPlan({ id }), api.listIndices({}), api.listAgencies({ query: '', tier: null, includeInactive: true }), api.listAgencyGroups({})]).then(
      ([p, i, a, g]) => {
        load(p);
        setIndices(i);
        setAgencies(a);
        setGroups(g);
      },
      (err: Error) => setMessage({ severity: 'error', text: err.message }),
    );
  }, [id, load]);

  useLeaveGuard(dirty);

  // Autosave: what is on screen is written a moment after the last change; saved tasks keep
  // their ids (reports refer to them), and the editor keeps its rows, selection and dialogs.
  const latest = useRef({ form, tasks });
  latest.current = { form, tasks };
  const [savedAt, setSavedAt] = useState<string>();
  const autosave = useCallback(async () => {
    const { form: f, tasks: snapshot } = latest.current;
    if (!f) return;
    try {
      await api.savePlan({ ...f, body: f.body as PlanInput['body'] });
      const saved = await api.savePlanTasks({ planId: id, tasks: snapshot.map(({ key: _k, ...t }) => t) });
      const ids = new Map(snapshot.map((t, i) => [t.key, saved.tasks[i]?.id]));
      setTasks((current) => current.map((t) => ({ ...t, id: t.id ?? ids.get(t.key) })));
      setPlan(saved);
      if (latest.current.form === f && latest.current.tasks === snapshot) setDirty(false);
      setSavedAt(new Date().toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit' }));
    } catch (err) {
      setMessage({ severity: 'error', text: (err as Error).message });
    }
  }, [id]);
  useEffect(() => {
    if (!dirty || plan?.status === 'issued') return;
    const timer = setTimeout(() => void autosave(), 2500);
    return () => clearTimeout(timer);
  }, [dirty, form, tasks, plan?.status, autosave]);

  if (!plan || !form) return <Typography>{message?.text ?? 'Đang tải…'}</Typography>;
  const readOnly = plan.status === 'issued';
  const edit = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setDirty(true);
  };
  const index = indices.find((i) => i.id === form.indexId);
  const options = refOptions(agencies, groups);

  const run = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) setMessage({ severity: 'success', text: done });
    } catch (err) {
      setMessage({ severity: 'error', text: (err as Error).message });
    }
  };

  async function save() {
    await run(async () => {
      await api.savePlan({ ...form!, body: form!.body as PlanInput['body'] });
      load(await api.savePlanTasks({ planId: id, tasks: tasks.map(({ key: _k, ...t }) => t) }));
    }, 'Đã lưu kế hoạch.');
  }

  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Button href={href('ke-hoach')}>← Danh sách</Button>
        <Typography variant="h6" component="h1" sx={{ flex: 1 }}>
          Kế hoạch: {plan.title}
        </Typography>
        {readOnly ? <Chip color="success" label={`Đã ban hành: số ${plan.number}, ngày ${formatVnDate(plan.issuedDate)}`} /> : <Chip label={dirty ? 'Dự thảo — đang chờ tự lưu' : savedAt ? `Dự thảo — đã tự lưu lúc ${savedAt}` : 'Dự thảo'} />}
      </Stack>
      <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }} useFlexGap>
        {!readOnly && (
          <Button variant="contained" onClick={() => void save()}>
            Lưu
          </Button>
        )}
        <Button variant="outlined" disabled={dirty} onClick={() => void run(async () => exportFile(await api.exportPlanDocx({ id })), 'Đã xuất tệp .docx.')}>
          Xuất .docx
        </Button>
        <Button variant="outlined" disabled={dirty} onClick={() => void run(async () => exportFile(await api.exportPlanTasksXlsx({ id })))}>
          Xuất bảng nhiệm vụ .xlsx
        </Button>
        {!readOnly && (
          <Button disabled={dirty} onClick={() => setIssuing(true)}>
            Ghi số ban hành
          </Button>
        )}
        {readOnly && <Button onClick={() => void run(async () => load(await api.reopenPlan({ id })), 'Đã mở lại để sửa.')}>Mở lại để sửa</Button>}
        <Button
          onClick={() =>
            void run(async () => {
              const copy = await api.duplicatePlan({ id });
              window.location.hash = href(`ke-hoach/${copy.id}`);
            })
          }
        >
          Nhân bản cho năm sau
        </Button>
        {dirty && <Typography variant="caption" sx={{ alignSelf: 'center' }}>Xuất văn bản được khi đã tự lưu xong.</Typography>}
      </Stack>
      <Notice notice={message} onClose={() => setMessage(undefined)} sx={{ mb: 2 }} />
      <Tabs value={tab} onChange={(_e, v) => setTab(v)} sx={{ mb: 2 }}>
        <Tab value="general" label="Thông tin chung" />
        <Tab value="body" label="Nội dung" />
        <Tab value="tasks" label={`Phụ lục nhiệm vụ (${tasks.length})`} />
        <Tab value="distribution" label="Nơi nhận và người ký" />
      </Tabs>
      {tab === 'general' && (
        <Stack spacing={2} sx={{ maxWidth: 900 }}>
          <TextField disabled={readOnly} label="Trích yếu" multiline value={form.title} onChange={(e) => edit({ title: e.target.value })} />
          <Stack direction="row" spacing={2}>
            <TextField select disabled={readOnly} label="Chỉ số" value={form.indexId ?? ''} onChange={(e) => edit({ indexId: e.target.value === '' ? null : Number(e.target.value) })}>
              <MenuItem value="">(không gắn chỉ số)</MenuItem>
              {indices.map((i) => (
                <MenuItem key={i.id} value={i.id}>
                  {i.code}
                </MenuItem>
              ))}
            </TextField>
            <TextField disabled={readOnly} label="Kết quả chỉ số năm" type="number" value={form.indexYear ?? ''} onChange={(e) => edit({ indexYear: e.target.value === '' ? null : Number(e.target.value) })} />
            <TextField disabled={readOnly} label="Năm ghi trên dự thảo" type="number" value={form.draftYear} onChange={(e) => edit({ draftYear: Number(e.target.value) })} />
          </Stack>
          <TextField disabled={readOnly} label="Tên phụ lục" multiline value={form.appendixTitle} onChange={(e) => edit({ appendixTitle: e.target.value })} />
          <TextField select disabled={readOnly} label="Nhóm các dòng của phụ lục" value={form.grouping} onChange={(e) => edit({ grouping: e.target.value as Form['grouping'] })}>
            {Object.entries(PLAN_GROUPINGS).map(([k, label]) => (
              <MenuItem key={k} value={k}>
                {label}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      )}
      {tab === 'body' && <BodyEditor blocks={form.body} readOnly={readOnly} onChange={(body) => edit({ body })} />}
      {tab === 'tasks' && (
        <TasksEditor
          tasks={tasks}
          components={index?.components ?? []}
          indexYear={form.indexYear}
          year={form.draftYear}
          options={options}
          readOnly={readOnly}
          onChange={(t) => {
            setTasks(t);
            setDirty(true);
          }}
        />
      )}
      {tab === 'distribution' && (
        <DistributionEditor distribution={form.distribution} signer={form.signer} readOnly={readOnly} onChange={(distribution) => edit({ distribution })} onSigner={(signer) => edit({ signer })} />
      )}
      {issuing && (
        <IssueDialog
          onClose={() => setIssuing(false)}
          onIssue={async (number, date) => {
            const p = await api.issuePlan({ id, number, date });
            setIssuing(false);
            load(p);
            setMessage({ severity: 'success', text: `Đã ghi số ${p.number}, ngày ${formatVnDate(p.issuedDate)}.` });
          }}
        />
      )}
    </Box>
  );
}
