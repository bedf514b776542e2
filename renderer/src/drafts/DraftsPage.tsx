import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { Agency, AgencyGroup } from '../../../shared/agencies';
import { DRAFT_KINDS, type CongVanTemplate, type DraftKind } from '../../../shared/drafts';
import type { RegisterEntry } from '../../../shared/register';
import type { AgencyRef, PlanSummary } from '../../../shared/plans';
import { api } from '../api';
import { DateField } from '../components/DateField';
import { EditDialog } from '../components/EditDialog';
import { useDirty } from '../components/useDirty';
import { useInvalidFields } from '../components/useInvalidFields';
import { RefsPicker, refOptions } from '../plans/RefPicker';
import { href } from '../router';
import { RegisterTable } from './RegisterTable';
import { markBlank } from '../record/blankDrafts';

type Choice = 'trien-khai-ke-hoach' | 'don-doc-bao-cao' | 'ban-hanh-ke-hoach';
const fromPlan = (c: Choice): c is 'trien-khai-ke-hoach' | 'ban-hanh-ke-hoach' => c !== 'don-doc-bao-cao';

function TemplateDialog(props: { choice: Choice; onClose: () => void; onCreate: (t: CongVanTemplate) => void }) {
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [groups, setGroups] = useState<AgencyGroup[]>([]);
  const [planId, setPlanId] = useState<number | ''>('');
  const [recipients, setRecipients] = useState<AgencyRef[]>([]);
  const [subject, setSubject] = useState('báo cáo kết quả thực hiện Kế hoạch');
  const [deadline, setDeadline] = useState<string | null>(null);
  useEffect(() => {
    void Promise.all([api.listPlans({}), api.listAgencies({ query: '', tier: null, includeInactive: false }), api.listAgencyGroups({})]).then(([p, a, g]) => {
      setPlans(p);
      setAgencies(a);
      setGroups(g);
    });
  }, []);
  const dirty = useDirty({ planId, recipients, subject, deadline });
  const invalid = useInvalidFields();
  const ready = fromPlan(props.choice) ? planId !== '' : recipients.length > 0 && deadline !== null && !invalid.any && subject.trim() !== '';
  return (
    <EditDialog dirty={dirty} onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{props.choice === 'ban-hanh-ke-hoach' ? 'Quyết định ban hành kế hoạch' : props.choice === 'trien-khai-ke-hoach' ? 'Công văn triển khai kế hoạch' : 'Công văn đôn đốc báo cáo'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {fromPlan(props.choice) ? (
            <TextField
              select
              label="Kế hoạch"
              value={planId}
              onChange={(e) => setPlanId(Number(e.target.value))}
              helperText={props.choice === 'ban-hanh-ke-hoach' ? 'Kế hoạch được in kèm theo quyết định' : 'Kính gửi: các cơ quan chủ trì nhiệm vụ của kế hoạch'}
            >
              {plans.map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {p.title}
                </MenuItem>
              ))}
            </TextField>
          ) : (
            <>
              <RefsPicker label="Kính gửi (các cơ quan chưa báo cáo)" options={refOptions(agencies, groups)} value={recipients} onChange={setRecipients} />
              <TextField label="Nội dung đôn đốc" value={subject} onChange={(e) => setSubject(e.target.value)} />
              <DateField label="Hạn gửi báo cáo" required value={deadline} onChange={setDeadline} onInvalid={(m) => invalid.report('Hạn gửi báo cáo', m)} />
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Hủy</Button>
        <Button
          variant="contained"
          disabled={!ready}
          onClick={() =>
            props.onCreate(fromPlan(props.choice) ? { template: props.choice, planId: Number(planId) } : { template: 'don-doc-bao-cao', recipients, subject, deadline: deadline! })
          }
        >
          Tạo dự thảo
        </Button>
      </DialogActions>
    </EditDialog>
  );
}

/** The documents of one kind in the register, and the ways to start a new one. */
export function DraftsPage({ kind }: { kind: DraftKind }) {
  const [entries, setEntries] = useState<RegisterEntry[]>([]);
  const [choice, setChoice] = useState<Choice>();
  const [failure, setFailure] = useState<string>();
  const [query, setQuery] = useState('');
  useEffect(() => {
    api.listRegister({ query: '', kind, year: null, issuerId: null, status: null }).then(setEntries, (err: Error) => setFailure(err.message));
  }, [kind]);
  const create = async (template: CongVanTemplate | null) => {
    try {
      const draft = await api.createDraft({ kind, year: new Date().getFullYear(), template });
      if (!template) markBlank({ recordType: 'document', id: draft.id }, draft.revision);
      window.location.hash = href(`${kind}/${draft.id}`);
    } catch (err) {
      setFailure((err as Error).message);
    }
  };
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        {DRAFT_KINDS[kind]}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button variant="contained" onClick={() => void create(null)}>
          Soạn {DRAFT_KINDS[kind].toLocaleLowerCase('vi')} mới
        </Button>
        {kind === 'quyet-dinh' && (
          <Button variant="outlined" onClick={() => setChoice('ban-hanh-ke-hoach')}>
            Mẫu: ban hành kế hoạch
          </Button>
        )}
        {kind === 'cong-van' && (
          <>
            <Button variant="outlined" onClick={() => setChoice('trien-khai-ke-hoach')}>
              Mẫu: triển khai kế hoạch
            </Button>
            <Button variant="outlined" onClick={() => setChoice('don-doc-bao-cao')}>
              Mẫu: đôn đốc báo cáo
            </Button>
          </>
        )}
        <TextField
          size="small"
          sx={{ width: 320, ml: 'auto !important' }}
          label={`Tìm ${DRAFT_KINDS[kind].toLocaleLowerCase('vi')}`}
          placeholder="Gõ có dấu hoặc không dấu"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </Stack>
      {failure && <Alert severity="error">{failure}</Alert>}
      <RegisterTable entries={entries} showKind={false} quickFilter={query} offset={210} />
      {choice && <TemplateDialog choice={choice} onClose={() => setChoice(undefined)} onCreate={(t) => void create(t)} />}
    </Stack>
  );
}
