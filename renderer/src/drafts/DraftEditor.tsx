import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Agency, AgencyGroup } from '../../../shared/agencies';
import { formatVnDate } from '../../../shared/dates';
import { DRAFT_KINDS, DraftInputSchema, type Draft, type DraftInput } from '../../../shared/drafts';
import { padNd30 } from '../../../shared/nd30';
import { printedForKind } from '../../../shared/draft-distribution';
import { api } from '../api';
import { ConflictBanner, copyTitle } from '../components/ConflictBanner';
import { Notice, type NoticeState } from '../components/Notice';
import { IssuerPicker } from '../components/IssuerPicker';
import { maxLengthOf } from '../../../shared/fields';
import { LimitedTextField } from '../components/LimitedTextField';
import { SaveFailure, SaveStateLine } from '../components/SaveStatus';
import { useSaveShortcut } from '../components/useSaveShortcut';
import { useAutosave } from '../components/useAutosave';
import { IntegerField } from '../components/IntegerField';
import { useInvalidFields } from '../components/useInvalidFields';
import { IssuedBanner } from '../record/IssuedBanner';
import { LifecycleButtons } from '../record/LifecycleButtons';
import { DraftMonthField } from '../record/DraftMonthField';
import { useDiscardUntouched } from '../record/blankDrafts';
import { exportFile } from '../files';
import { BodyEditor } from '../editor/BodyEditor';
import { DistributionEditor } from '../plans/DistributionEditor';
import { RefsPicker, refOptions } from '../plans/RefPicker';
import { href, useLeaveGuard } from '../router';
import { AssignmentsEditor } from './AssignmentsEditor';
import { CopiesField } from './CopiesField';
import { NewKindFields, isNewKind } from './NewKindFields';
import { PreviewDialog } from './PreviewDialog';

/** The draft as edited; the revision it is based on is kept beside it. */
type Form = Omit<DraftInput, 'revision'>;

function toForm(d: Draft): Form {
  return { id: d.id, title: d.title, draftYear: d.draftYear, draftMonth: d.draftMonth, issuerId: d.issuerId, content: d.content as Form['content'] };
}

/** Chỉ thị or Công văn: edited here, saved automatically while a draft, previewed and exported. */
export function DraftEditor({ id }: { id: number }) {
  const [draft, setDraft] = useState<Draft>();
  const [form, setForm] = useState<Form>();
  const [dirty, setDirty] = useState(false);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [groups, setGroups] = useState<AgencyGroup[]>([]);
  const [tab, setTab] = useState<'content' | 'distribution'>('content');
  const [message, setMessage] = useState<NoticeState>();
  const [previewing, setPreviewing] = useState(false);
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const formRef = useRef(form);
  formRef.current = form;
  // A number typed wrong (an emptied year) stays on screen and blocks the save instead of saving 0.
  const invalid = useInvalidFields();
  const invalidNow = useRef(invalid.first);
  invalidNow.current = invalid.first;
  const revision = useRef(0);
  const { conflict, setConflict, state: saveState, fieldError, save } = useAutosave({
    revision,
    async persist(based) {
      const current = formRef.current;
      if (!current) return null;
      if (invalidNow.current) throw new Error(invalidNow.current);
      const saved = await api.saveDraft({ ...current, revision: based });
      setDraft(saved);
      if (formRef.current === current) setDirty(false);
      return saved.revision;
    },
    pending: dirty && draft?.status !== 'issued',
    changes: [form],
  });
  useDiscardUntouched({ recordType: 'document', id }, () => ({ revision: revision.current, dirty }));

  const load = useCallback((d: Draft) => {
    revision.current = d.revision;
    setDraft(d);
    setForm(toForm(d));
    setDirty(false);
    setConflict(undefined);
  }, []);
  useEffect(() => {
    Promise.all([api.getDraft({ id }), api.listAgencies({ query: '', tier: null, includeInactive: true }), api.listAgencyGroups({})]).then(
      ([d, a, g]) => {
        load(d);
        setAgencies(a);
        setGroups(g);
      },
      (err: Error) => setMessage({ severity: 'error', text: err.message }),
    );
  }, [id, load]);

  /** The user's version, kept as a new draft beside the one saved elsewhere. */
  const keepCopy = useCallback(async () => {
    const current = formRef.current;
    if (!current) return;
    try {
      const title = copyTitle(current.title);
      const copy = await api.saveDraft({ ...current, id: undefined, revision: null, title });
      setDirty(false);
      setConflict((c) => c && { ...c, copy: { title, href: href(`${copy.kind}/${copy.id}`) } });
    } catch (err) {
      setMessage({ severity: 'error', text: (err as Error).message });
    }
  }, []);
  const reload = useCallback(() => {
    api.getDraft({ id }).then(load, (err: Error) => setMessage({ severity: 'error', text: err.message }));
  }, [id, load]);
  useLeaveGuard(dirty);
  useSaveShortcut(() => void save(), draft?.status === 'draft');

  if (!draft || !form) return <Typography>{message?.text ?? 'Đang tải…'}</Typography>;
  const readOnly = draft.status === 'issued';
  const content = form.content;
  // A wrong number marks the record unsaved, so the refusal ("Chưa lưu: …") shows at once.
  const reportInvalid = (field: string, message: string | null) => {
    invalid.report(field, message);
    if (message) setDirty(true);
  };
  const edit = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setDirty(true);
  };
  const editContent = (patch: Partial<Form['content']>) => edit({ content: { ...content, ...patch } as Form['content'] });
  const options = refOptions(agencies, groups);
  const list = draft.kind;

  async function doExport() {
    if (dirty && !(await save())) return;
    try {
      const path = await exportFile(await api.exportRecordDocx({ recordType: 'document', id }));
      setSavedPath(path);
      setMessage({ severity: 'success', text: path ? `Đã lưu tệp: ${path}` : 'Đã xuất tệp .docx.' });
    } catch (err) {
      setMessage({ severity: 'error', text: (err as Error).message });
    }
  }

  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Button href={href(list)}>← Danh sách</Button>
        <Typography variant="h6" component="h1" sx={{ flex: 1 }}>
          {DRAFT_KINDS[draft.kind]}: {draft.kind === 'cong-van' ? `V/v ${draft.title}` : draft.title}
        </Typography>
        <IssuerPicker
          issuerId={form.issuerId ?? null}
          readOnly={readOnly}
          signer={content.signer}
          onChange={(issuerId, signer) => edit({ issuerId, content: (signer ? { ...content, signer } : content) as Form['content'] })}
        />
        {readOnly ? (
          <Chip color="success" label={`Đã ban hành: số ${padNd30(draft.number ?? 0)}/${draft.code}, ngày ${formatVnDate(draft.issuedDate)}`} />
        ) : (
          <SaveStateLine state={saveState} pending={dirty} stopped={conflict?.message} />
        )}
      </Stack>
      <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }} useFlexGap>
        {!readOnly && (
          <Button variant="contained" disabled={Boolean(conflict)} onClick={() => void save().then((ok) => ok && setMessage({ severity: 'success', text: 'Đã lưu.' }))}>
            Lưu
          </Button>
        )}
        <Button variant="outlined" onClick={() => void (dirty ? save() : Promise.resolve(true)).then((ok) => ok && setPreviewing(true))}>
          Xem trước
        </Button>
        <Button variant="outlined" onClick={() => void doExport()}>
          Xuất .docx
        </Button>
        <LifecycleButtons
          record={{ recordType: 'document', id }}
          issued={readOnly}
          revision={() => revision.current}
          beforeIssue={() => (dirty ? save() : Promise.resolve(true))}
          onChanged={async (text) => {
            load(await api.getDraft({ id }));
            setMessage({ severity: 'success', text });
          }}
          onDeleted={() => (window.location.hash = href(list))}
        />
        <Button onClick={() => void api.duplicateDraft({ id }).then((copy) => (window.location.hash = href(`${list}/${copy.id}`)))}>Nhân bản</Button>
      </Stack>
      {readOnly && <IssuedBanner record={{ recordType: 'document', id }} revision={draft.revision} />}
      <ConflictBanner conflict={conflict} onKeepCopy={keepCopy} onReload={reload} sx={{ mb: 2 }} />
      <SaveFailure state={saveState} sx={{ mb: 2 }} />
      <Notice notice={message} onClose={() => setMessage(undefined)} sx={{ mb: 2 }} />
      <Tabs value={tab} onChange={(_e, v) => setTab(v)} sx={{ mb: 2 }}>
        <Tab value="content" label="Nội dung" />
        <Tab value="distribution" label="Nơi nhận và người ký" />
      </Tabs>
      {tab === 'content' && (
        <Stack spacing={2} sx={{ maxWidth: 1000 }}>
          <Stack direction="row" spacing={2}>
            <LimitedTextField
              max={maxLengthOf(DraftInputSchema, 'title') ?? 500}
              disabled={readOnly}
              multiline
              label={draft.kind === 'cong-van' ? 'Trích yếu (sau "V/v")' : 'Trích yếu'}
              value={form.title}
              onChange={(e) => edit({ title: e.target.value })}
              error={Boolean(fieldError('title'))}
              helperText={fieldError('title')}
            />
            <IntegerField disabled={readOnly} required sx={{ width: 190, flexShrink: 0 }} label="Năm ghi trên dự thảo" value={form.draftYear} onChange={(draftYear) => draftYear !== null && edit({ draftYear })} onInvalid={(m) => reportInvalid('Năm ghi trên dự thảo', m)} />
            <DraftMonthField disabled={readOnly} value={form.draftMonth ?? null} onChange={(draftMonth) => edit({ draftMonth })} />
            {content.kind === 'cong-van' && (
              <TextField disabled={readOnly} sx={{ width: 170, flexShrink: 0 }} label="Đơn vị soạn thảo" value={content.unit} onChange={(e) => editContent({ unit: e.target.value })} helperText={content.unit ? `Ký hiệu: …-${content.unit}` : 'Ký hiệu không ghi đơn vị'} />
            )}
          </Stack>
          {content.kind === 'cong-van' && (
            <>
              <RefsPicker disabled={readOnly} label="Kính gửi" options={options} value={content.recipients} onChange={(recipients) => editContent({ recipients })} />
              <Typography variant="subtitle2">Nội dung</Typography>
              <BodyEditor label="Nội dung công văn" blocks={content.body} readOnly={readOnly} onChange={(body) => editContent({ body: body as typeof content.body })} />
            </>
          )}
          {isNewKind(content.kind) && <NewKindFields content={content} readOnly={readOnly} options={options} onChange={editContent} />}
          {content.kind === 'chi-thi' && (
            <>
              <Typography variant="subtitle2">Phần mở đầu</Typography>
              <BodyEditor label="Phần mở đầu" blocks={content.preamble} readOnly={readOnly} onChange={(preamble) => editContent({ preamble: preamble as typeof content.preamble })} />
              <Typography variant="subtitle2">Giao nhiệm vụ</Typography>
              <AssignmentsEditor value={content.assignments} options={options} readOnly={readOnly} onChange={(assignments) => editContent({ assignments })} />
              <TextField disabled={readOnly} multiline minRows={2} label="Đoạn kết" value={content.closing} onChange={(e) => editContent({ closing: e.target.value })} />
            </>
          )}
        </Stack>
      )}
      {tab === 'distribution' && (
        <DistributionEditor
          distribution={content.distribution}
          signer={content.signer}
          issuerId={form.issuerId ?? null}
          readOnly={readOnly}
          withKinhGui={(content.kind === 'cong-van' || content.kind === 'to-trinh' || content.kind === 'giay-moi') && content.recipients.length > 0}
          adjustPrinted={(printed) => printedForKind(printed, content)}
          onChange={(distribution) => editContent({ distribution: { ...distribution, copies: content.distribution.copies ?? null } })}
          onSigner={(signer) => editContent({ signer })}
        />
      )}
      {tab === 'distribution' && <CopiesField value={content.distribution.copies} readOnly={readOnly} onChange={(copies) => editContent({ distribution: { ...content.distribution, copies } })} />}
      {previewing && <PreviewDialog load={() => api.exportRecordDocx({ recordType: 'document', id })} onClose={() => setPreviewing(false)} onExport={() => void doExport()} />}
      <Snackbar
        open={Boolean(savedPath)}
        onClose={() => setSavedPath(null)}
        autoHideDuration={8000}
        message="Đã lưu tệp .docx."
        action={
          <Button color="inherit" size="small" onClick={() => savedPath && void api.openSavedFile({ path: savedPath }).catch((err: Error) => setMessage({ severity: 'error', text: err.message }))}>
            Mở tệp
          </Button>
        }
      />
    </Box>
  );
}
