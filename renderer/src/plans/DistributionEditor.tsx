import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { PlanInput } from '../../../shared/plans';
import type { Agency, AgencyGroup } from '../../../shared/agencies';
import type { SignerProfile } from '../../../shared/drafts';
import type { RecipientList } from '../../../shared/recipients';
import { api } from '../api';
import { RecipientLinesEditor, fromLines, toLines, type EditorLine } from '../recipients/RecipientLinesEditor';

type Distribution = PlanInput['distribution'];
type Signer = PlanInput['signer'];

/** Nơi nhận copied from a saved list (the plan keeps its own copy), and the signature block. */
export function DistributionEditor(props: {
  distribution: Distribution;
  signer: Signer;
  /** The record's issuer: its own saved signers are offered first, then the shared ones. */
  issuerId?: number | null;
  readOnly: boolean;
  /** The document has a Kính gửi: the block starts "- Như trên;". */
  withKinhGui?: boolean;
  /** The printed block as the document's kind changes it (Quyết định: "Như Điều n"; Ô 12). */
  adjustPrinted?: (printed: string[]) => string[];
  onChange: (d: Distribution) => void;
  onSigner: (s: Signer) => void;
}) {
  const { distribution, signer, readOnly } = props;
  const [lists, setLists] = useState<RecipientList[]>([]);
  const [signers, setSigners] = useState<SignerProfile[]>([]);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [groups, setGroups] = useState<AgencyGroup[]>([]);
  // The document's own copy of the lines, edited here; unfinished lines are not saved until completed.
  const [lines, setLines] = useState<EditorLine[]>(() => fromLines(distribution.lines));
  const changeLines = (next: EditorLine[]) => {
    setLines(next);
    props.onChange({ ...distribution, lines: toLines(next, true) });
  };
  const [printed, setPrinted] = useState<string[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  useEffect(() => {
    api.listRecipientLists({}).then((l) => setLists(l.filter((x) => x.kind === 'noi-nhan')), () => setLists([]));
    api.listSignerProfiles({}).then(setSigners, () => setSigners([]));
    api.listAgencies({ query: '', tier: null, includeInactive: true }).then(setAgencies, () => setAgencies([]));
    api.listAgencyGroups({}).then(setGroups, () => setGroups([]));
  }, []);
  useEffect(() => {
    const options = { ...distribution.options, withKinhGui: props.withKinhGui ?? distribution.options.withKinhGui };
    api.previewRecipientBlock({ kind: 'noi-nhan', lines: distribution.lines, options }).then(
      (p) => {
        setPrinted(p.printed);
        setWarnings(p.warnings);
      },
      (err: Error) => setWarnings([err.message]),
    );
  }, [distribution, props.withKinhGui]);
  const setOptions = (patch: Partial<Distribution['options']>) => props.onChange({ ...distribution, options: { ...distribution.options, ...patch } });

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 3 }}>
      <Stack spacing={2}>
        <Typography variant="subtitle1">Nơi nhận</Typography>
        <TextField
          select
          disabled={readOnly}
          label="Chép từ danh sách đã lưu"
          value=""
          onChange={(e) => {
            const list = lists.find((l) => l.id === Number(e.target.value));
            if (!list) return;
            // The list's printing options come with its lines; a list without a drafter keeps the document's.
            const next = fromLines(list.lines);
            setLines(next);
            props.onChange({
              ...distribution,
              lines: toLines(next, true),
              options: { ...distribution.options, electronic: list.electronic, drafter: list.drafter || distribution.options.drafter },
            });
          }}
          helperText={lists.length ? 'Văn bản giữ bản chép riêng; sửa ở đây không đổi danh sách gốc, và ngược lại.' : 'Chưa có danh sách Nơi nhận nào (khu vực Nơi nhận).'}
        >
          {lists.map((l) => (
            <MenuItem key={l.id} value={l.id}>
              {l.name} ({l.lines.length} dòng)
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel disabled={readOnly} control={<Checkbox checked={distribution.options.electronic} onChange={(e) => setOptions({ electronic: e.target.checked })} />} label='Có dòng "Gửi bản điện tử:"' />
        <TextField disabled={readOnly} label="Người soạn thảo (dòng Lưu)" value={distribution.options.drafter} onChange={(e) => setOptions({ drafter: e.target.value })} />
        <RecipientLinesEditor lines={lines} agencies={agencies} groups={groups} readOnly={readOnly} onChange={changeLines} />
        <Typography variant="subtitle1" sx={{ pt: 2 }}>
          Người ký
        </Typography>
        {signers.length > 0 && (
          <TextField
            select
            disabled={readOnly}
            label="Chọn người ký đã lưu"
            value=""
            onChange={(e) => {
              const profile = signers.find((s) => s.id === Number(e.target.value));
              if (profile) props.onSigner(profile.signer);
            }}
          >
            {[...signers].sort((a, b) => signerRank(a, props.issuerId) - signerRank(b, props.issuerId)).map((s) => (
              <MenuItem key={s.id} value={s.id}>
                {s.label}
              </MenuItem>
            ))}
          </TextField>
        )}
        {[0, 1, 2].map((i) => (
          <TextField
            key={i}
            disabled={readOnly}
            label={`Dòng thẩm quyền ${i + 1} (TM., KT., TL., TUQ., Q.)`}
            value={signer.authority[i] ?? ''}
            onChange={(e) => {
              const authority = [0, 1, 2].map((j) => (j === i ? e.target.value : (signer.authority[j] ?? '')));
              props.onSigner({ ...signer, authority: authority.filter(Boolean) });
            }}
          />
        ))}
        <TextField disabled={readOnly} label="Chức vụ người ký" value={signer.title} onChange={(e) => props.onSigner({ ...signer, title: e.target.value })} />
        <TextField disabled={readOnly} label="Họ tên người ký" value={signer.name} onChange={(e) => props.onSigner({ ...signer, name: e.target.value })} />
      </Stack>
      <Stack spacing={1}>
        <Typography variant="subtitle2">Khối Nơi nhận và chữ ký khi in</Typography>
        <Paper variant="outlined" sx={{ p: 2, bgcolor: 'white', fontFamily: '"Times New Roman", "Liberation Serif", serif', display: 'grid', gridTemplateColumns: '40% 60%' }}>
          <div>
            {(props.adjustPrinted ? props.adjustPrinted(printed) : printed).map((line, i) => (
              <div key={i} data-testid="plan-noi-nhan" style={{ fontSize: i === 0 ? 16 : 14.5, fontWeight: i === 0 ? 700 : 400, fontStyle: i === 0 || line === 'Gửi bản điện tử:' ? 'italic' : 'normal' }}>
                {line}
              </div>
            ))}
          </div>
          <div style={{ textAlign: 'center', fontWeight: 700 }}>
            {[...signer.authority, signer.title].map((l, i) => (
              <div key={i}>{l.toLocaleUpperCase('vi')}</div>
            ))}
            <div style={{ height: 56 }} />
            <div>{signer.name}</div>
          </div>
        </Paper>
        {warnings.map((w) => (
          <Alert key={w} severity="warning">
            {w}
          </Alert>
        ))}
      </Stack>
    </Box>
  );
}

/** The record's issuer's own signers first, then those shared by all issuers, then the others. */
function signerRank(s: SignerProfile, issuerId: number | null | undefined): number {
  return s.issuerId === null ? 1 : s.issuerId === issuerId ? 0 : 2;
}
