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
import { PLAN_GROUPINGS, PlanInputSchema, planInput, type Plan, type PlanInput } from '../../../shared/plans';
import { padNd30 } from '../../../shared/nd30';
import { api } from '../api';
import { ConflictBanner, copyTitle } from '../components/ConflictBanner';
import { Notice, type NoticeState } from '../components/Notice';
import { IssuedBanner } from '../record/IssuedBanner';
import { LifecycleButtons } from '../record/LifecycleButtons';
import { DraftMonthField } from '../record/DraftMonthField';
import { useDiscardUntouched } from '../record/blankDrafts';
import { exportFile } from '../files';
import { href, useLeaveGuard } from '../router';
import { BodyEditor } from '../editor/BodyEditor';
import type { BodyBlock } from '../../../shared/paste';
import { IssuerPicker } from '../components/IssuerPicker';
import { maxLengthOf } from '../../../shared/fields';
import { LimitedTextField } from '../components/LimitedTextField';
import { SaveFailure, SaveStateLine } from '../components/SaveStatus';
import { useSaveShortcut } from '../components/useSaveShortcut';
import { useAutosave } from '../components/useAutosave';
import { IntegerField } from '../components/IntegerField';
import { useInvalidFields } from '../components/useInvalidFields';
import { DistributionEditor } from './DistributionEditor';
import { NextYearDialog } from './NextYearDialog';
import { refOptions } from './RefPicker';
import { TasksEditor, withKey, type EditorTask } from './TasksEditor';
import { toTaskInput, unsavableReason } from '../../../shared/task-cells';

/** The plan's fields as edited; tasks and the revision are kept beside it. */
type Form = Omit<PlanInput, 'body' | 'tasks' | 'revision'> & { body: BodyBlock[] };

function toForm(p: Plan): Form {
  const { tasks: _t, revision: _r, ...fields } = planInput(p);
  return { ...fields, body: p.body as BodyBlock[] };
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
  const [dirty, setDirty] = useState(false);
  const [copying, setCopying] = useState(false);
  // The revision the screen is based on; each save sends it and keeps the one it gets back.
  const revision = useRef(0);
  // Autosave: saved tasks keep their ids (reports refer to them), and the editor keeps its rows, selection and dialogs.
  const latest = useRef({ form, tasks });
  latest.current = { form, tasks };
  // A number typed wrong (an emptied year) stays on screen and blocks the save instead of saving 0.
  const invalid = useInvalidFields();
  const invalidNow = useRef(invalid.first);
  invalidNow.current = invalid.first;
  const { conflict, setConflict, state: saveState, fieldError, save } = useAutosave({
    revision,
    async persist(based) {
      const { form: f, tasks: snapshot } = latest.current;
      if (!f) return null;
      if (invalidNow.current) throw new Error(invalidNow.current);
      // A cell that could not be read blocks the save rather than writing the value it replaced.
      const unsavable = unsavableReason(snapshot);
      if (unsavable) throw new Error(unsavable);
      const saved = await api.savePlan({ ...f, body: f.body as PlanInput['body'], tasks: snapshot.map(toTaskInput), revision: based });
      const ids = new Map(snapshot.map((t, i) => [t.key, saved.tasks[i]?.id]));
      setTasks((current) => current.map((t) => ({ ...t, id: t.id ?? ids.get(t.key) })));
      setPlan(saved);
      if (latest.current.form === f && latest.current.tasks === snapshot) setDirty(false);
      return saved.revision;
    },
    pending: dirty && plan?.status !== 'issued',
    changes: [form, tasks],
  });
  useDiscardUntouched({ recordType: 'plan', id }, () => ({ revision: revision.current, dirty }));

  const load = useCallback((p: Plan) => {
    revision.current = p.revision;
    setPlan(p);
    setForm(toForm(p));
    setTasks(p.tasks.map(withKey));
    setDirty(false);
    setConflict(undefined);
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
  useSaveShortcut(() => void save(), plan?.status === 'draft');

  /** The user's version, kept as a new draft plan beside the one saved elsewhere. */
  const keepCopy = useCallback(async () => {
    const { form: f, tasks: snapshot } = latest.current;
    if (!f) return;
    try {
      const title = copyTitle(f.title);
      const copy = await api.savePlan({ ...f, id: undefined, revision: null, title, body: f.body as PlanInput['body'], tasks: snapshot.map(({ id: _id, ...t }) => toTaskInput(t)) });
      setDirty(false);
      setConflict((c) => c && { ...c, copy: { title, href: href(`ke-hoach/${copy.id}`) } });
    } catch (err) {
      setMessage({ severity: 'error', text: (err as Error).message });
    }
  }, []);
  const reload = useCallback(() => {
    api.getPlan({ id }).then(load, (err: Error) => setMessage({ severity: 'error', text: err.message }));
  }, [id, load]);

  if (!plan || !form) return <Typography>{message?.text ?? 'Đang tải…'}</Typography>;
  const readOnly = plan.status === 'issued';
  // A wrong number marks the record unsaved, so the refusal ("Chưa lưu: …") shows at once.
  const reportInvalid = (field: string, message: string | null) => {
    invalid.report(field, message);
    if (message) setDirty(true);
  };
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


  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Button href={href('ke-hoach')}>← Danh sách</Button>
        <Typography variant="h6" component="h1" sx={{ flex: 1 }}>
          Kế hoạch: {plan.title}
        </Typography>
        <IssuerPicker issuerId={form.issuerId ?? null} readOnly={readOnly} signer={form.signer} onChange={(issuerId, signer) => edit(signer ? { issuerId, signer } : { issuerId })} />
        {readOnly ? <Chip color="success" label={`Đã ban hành: số ${padNd30(plan.number ?? 0)}/${plan.code}, ngày ${formatVnDate(plan.issuedDate)}`} /> : <SaveStateLine state={saveState} pending={dirty} stopped={conflict?.message} />}
      </Stack>
      <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }} useFlexGap>
        {!readOnly && (
          <Button variant="contained" disabled={Boolean(conflict)} onClick={() => void save().then((ok) => ok && setMessage({ severity: 'success', text: 'Đã lưu kế hoạch.' }))}>
            Lưu
          </Button>
        )}
        <Button variant="outlined" disabled={dirty} onClick={() => void run(async () => exportFile(await api.exportRecordDocx({ recordType: 'plan', id })), 'Đã xuất tệp .docx.')}>
          Xuất .docx
        </Button>
        <Button variant="outlined" disabled={dirty} onClick={() => void run(async () => exportFile(await api.exportPlanTasksXlsx({ id })))}>
          Xuất bảng nhiệm vụ .xlsx
        </Button>
        <LifecycleButtons
          record={{ recordType: 'plan', id }}
          issued={readOnly}
          disabled={dirty}
          revision={() => revision.current}
          onChanged={(text) => run(async () => load(await api.getPlan({ id })), text)}
          onDeleted={() => (window.location.hash = href('ke-hoach'))}
        />
        <Button disabled={dirty} onClick={() => setCopying(true)}>
          Nhân bản cho năm sau…
        </Button>
        {dirty && <Typography variant="caption" sx={{ alignSelf: 'center' }}>Xuất văn bản, nhân bản được khi đã tự lưu xong.</Typography>}
      </Stack>
      {readOnly && <IssuedBanner record={{ recordType: 'plan', id }} revision={plan.revision} />}
      {copying && (
        <NextYearDialog
          id={id}
          onClose={() => setCopying(false)}
          onCopied={(copy) => {
            setCopying(false);
            window.location.hash = href(`ke-hoach/${copy.id}`);
          }}
        />
      )}
      <ConflictBanner conflict={conflict} onKeepCopy={keepCopy} onReload={reload} sx={{ mb: 2 }} />
      <SaveFailure state={saveState} sx={{ mb: 2 }} />
      <Notice notice={message} onClose={() => setMessage(undefined)} sx={{ mb: 2 }} />
      <Tabs value={tab} onChange={(_e, v) => setTab(v)} sx={{ mb: 2 }}>
        <Tab value="general" label="Thông tin chung" />
        <Tab value="body" label="Nội dung" />
        <Tab value="tasks" label={`Phụ lục nhiệm vụ (${tasks.length})`} />
        <Tab value="distribution" label="Nơi nhận và người ký" />
      </Tabs>
      {tab === 'general' && (
        <Stack spacing={2} sx={{ maxWidth: 900 }}>
          <LimitedTextField max={maxLengthOf(PlanInputSchema, 'title') ?? 500} disabled={readOnly} label="Trích yếu" multiline value={form.title} onChange={(e) => edit({ title: e.target.value })} error={Boolean(fieldError('title'))} helperText={fieldError('title')} />
          <Stack direction="row" spacing={2}>
            <TextField select disabled={readOnly} label="Chỉ số" value={form.indexId ?? ''} onChange={(e) => edit({ indexId: e.target.value === '' ? null : Number(e.target.value) })}>
              <MenuItem value="">(không gắn chỉ số)</MenuItem>
              {indices.map((i) => (
                <MenuItem key={i.id} value={i.id}>
                  {i.code}
                </MenuItem>
              ))}
            </TextField>
            <IntegerField disabled={readOnly} label="Kết quả chỉ số năm" value={form.indexYear ?? null} onChange={(indexYear) => edit({ indexYear })} onInvalid={(m) => reportInvalid('Kết quả chỉ số năm', m)} />
            <IntegerField disabled={readOnly} required label="Năm ghi trên dự thảo" value={form.draftYear} onChange={(draftYear) => draftYear !== null && edit({ draftYear })} onInvalid={(m) => reportInvalid('Năm ghi trên dự thảo', m)} />
            <DraftMonthField disabled={readOnly} value={form.draftMonth ?? null} onChange={(draftMonth) => edit({ draftMonth })} />
          </Stack>
          <LimitedTextField max={maxLengthOf(PlanInputSchema, 'appendixTitle') ?? 500} disabled={readOnly} label="Tên phụ lục" multiline value={form.appendixTitle} onChange={(e) => edit({ appendixTitle: e.target.value })} />
          <TextField select disabled={readOnly} label="Nhóm các dòng của phụ lục" value={form.grouping} onChange={(e) => edit({ grouping: e.target.value as Form['grouping'] })}>
            {Object.entries(PLAN_GROUPINGS).map(([k, label]) => (
              <MenuItem key={k} value={k}>
                {label}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      )}
      {tab === 'body' && <BodyEditor label="Nội dung kế hoạch" blocks={form.body} readOnly={readOnly} onChange={(body) => edit({ body })} />}
      {tab === 'tasks' && (
        <TasksEditor
          tasks={tasks}
          components={index?.components ?? []}
          indexYear={form.indexYear}
          year={form.draftYear}
          options={options}
          registry={{ agencies, groups }}
          readOnly={readOnly}
          onChange={(t) => {
            setTasks(t);
            setDirty(true);
          }}
        />
      )}
      {tab === 'distribution' && (
        <DistributionEditor distribution={form.distribution} signer={form.signer} issuerId={form.issuerId ?? null} readOnly={readOnly} onChange={(distribution) => edit({ distribution })} onSigner={(signer) => edit({ signer })} />
      )}
    </Box>
  );
}
