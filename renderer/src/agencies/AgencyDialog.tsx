import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { AGENCY_TIERS, AGENCY_TIER_IDS, AgencyInputSchema, type Agency, type AgencyInput } from '../../../shared/agencies';
import { maxLengthOf } from '../../../shared/fields';
import { api } from '../api';
import { DateField } from '../components/DateField';
import { EditDialog } from '../components/EditDialog';
import { IntegerField } from '../components/IntegerField';
import { LimitedTextField } from '../components/LimitedTextField';
import { useDirty } from '../components/useDirty';
import { useInvalidFields } from '../components/useInvalidFields';
import { fieldErrors, isDuplicate } from '../errors';

export const NEW_AGENCY: AgencyInput = {
  fullName: '',
  shortName: '',
  abbreviation: '',
  tier: 'so-ban-nganh',
  parentId: null,
  protocolOrder: 1000,
  email: '',
  phone: '',
  validFrom: null,
  validTo: null,
  replacedById: null,
};

function AgencyPicker(props: { label: string; agencies: Agency[]; value: number | null; onChange: (id: number | null) => void; error?: string }) {
  const selected = props.agencies.find((a) => a.id === props.value) ?? null;
  return (
    <Autocomplete
      options={props.agencies}
      value={selected}
      getOptionLabel={(a) => a.shortName}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_e, a) => props.onChange(a?.id ?? null)}
      renderInput={(params) => <TextField {...params} label={props.label} error={Boolean(props.error)} helperText={props.error} />}
      noOptionsText="Không có cơ quan phù hợp"
    />
  );
}

/** Create or edit one agency; a likely duplicate is shown and saved only on confirmation. */
export function AgencyDialog(props: { initial: AgencyInput; agencies: Agency[]; onClose: () => void; onSaved: (a: Agency) => void }) {
  const [form, setForm] = useState<AgencyInput>(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [duplicate, setDuplicate] = useState<string>();
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<AgencyInput>) => setForm((f) => ({ ...f, ...patch }));
  const others = props.agencies.filter((a) => a.id !== form.id);
  const dirty = useDirty(form);
  const invalid = useInvalidFields();
  // after a refused save, the refusal stays on screen only while the date is still wrong
  const [tried, setTried] = useState(false);

  async function save(confirmDuplicate: boolean) {
    setTried(true);
    if (invalid.any) return;
    setSaving(true);
    setFailure(undefined);
    try {
      props.onSaved(await api.saveAgency({ agency: form, confirmDuplicate }));
    } catch (err) {
      if (isDuplicate(err)) setDuplicate((err as Error).message);
      else {
        setErrors(fieldErrors(err, 'agency.'));
        setFailure((err as Error).message);
      }
    } finally {
      setSaving(false);
    }
  }

  const text = (key: 'fullName' | 'shortName' | 'abbreviation' | 'email' | 'phone', label: string, hint: string, required = false) => (
    <LimitedTextField
      max={maxLengthOf(AgencyInputSchema, key) ?? 1000}
      label={label}
      required={required}
      value={form[key]}
      onChange={(e) => set({ [key]: e.target.value })}
      error={Boolean(errors[key])}
      helperText={errors[key] ?? hint}
    />
  );

  return (
    <EditDialog dirty={dirty} onClose={props.onClose} maxWidth="md" fullWidth aria-labelledby="agency-dialog-title">
      <DialogTitle id="agency-dialog-title">{form.id ? 'Sửa thông tin cơ quan' : 'Thêm cơ quan'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {tried && invalid.first && <Alert severity="error">{`Chưa lưu — ${invalid.first}`}</Alert>}
          {failure && (
            <Alert severity="error" sx={{ whiteSpace: 'pre-line' }}>
              {failure}
            </Alert>
          )}
          {duplicate && (
            <Alert
              severity="warning"
              action={
                <Button color="inherit" size="small" onClick={() => void save(true)}>
                  Vẫn lưu
                </Button>
              }
            >
              {duplicate}
            </Alert>
          )}
          {text('fullName', 'Tên đầy đủ', 'Như ghi trong văn bản, ví dụ: Sở Nội vụ tỉnh Bắc Kạn', true)}
          <Stack direction="row" spacing={2}>
            {text('shortName', 'Tên viết gọn', 'Dùng trong bảng và Nơi nhận, ví dụ: Sở Nội vụ', true)}
            {text('abbreviation', 'Viết tắt', 'Ví dụ: SNV')}
          </Stack>
          <Stack direction="row" spacing={2}>
            <TextField
              select
              label="Loại cơ quan"
              value={form.tier}
              onChange={(e) => set({ tier: e.target.value as AgencyInput['tier'] })}
              helperText=" "
            >
              {AGENCY_TIER_IDS.map((id) => (
                <MenuItem key={id} value={id}>
                  {AGENCY_TIERS[id]}
                </MenuItem>
              ))}
            </TextField>
            <IntegerField
              label="Thứ tự trong Nơi nhận"
              required
              value={form.protocolOrder}
              onChange={(n) => n !== null && set({ protocolOrder: n })}
              onInvalid={(m) => invalid.report('Thứ tự trong Nơi nhận', m)}
              error={Boolean(errors.protocolOrder)}
              helperText={errors.protocolOrder ?? 'Số nhỏ đứng trước'}
            />
          </Stack>
          <AgencyPicker label="Cơ quan cấp trên" agencies={others} value={form.parentId} onChange={(parentId) => set({ parentId })} error={errors.parentId} />
          <Stack direction="row" spacing={2}>
            {text('email', 'Thư điện tử', ' ')}
            {text('phone', 'Điện thoại', ' ')}
          </Stack>
          <Stack direction="row" spacing={2}>
            <DateField label="Hiệu lực từ" value={form.validFrom} onChange={(validFrom) => set({ validFrom })} onInvalid={(m) => invalid.report('Hiệu lực từ', m)} error={errors.validFrom} />
            <DateField label="Hiệu lực đến" value={form.validTo} onChange={(validTo) => set({ validTo })} onInvalid={(m) => invalid.report('Hiệu lực đến', m)} error={errors.validTo} />
          </Stack>
          <AgencyPicker
            label="Được thay thế bởi (sau sáp nhập)"
            agencies={others}
            value={form.replacedById}
            onChange={(replacedById) => set({ replacedById })}
            error={errors.replacedById}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Hủy</Button>
        <Button variant="contained" disabled={saving} onClick={() => void save(false)}>
          Lưu
        </Button>
      </DialogActions>
    </EditDialog>
  );
}
