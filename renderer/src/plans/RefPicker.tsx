import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import type { Agency, AgencyGroup } from '../../../shared/agencies';
import type { AgencyRef } from '../../../shared/plans';

export interface RefOption {
  ref: AgencyRef;
  label: string;
  kind: string;
}

/** Agencies in use and groups, in that order, as choices for a lead or coordinating agency. */
export function refOptions(agencies: Agency[], groups: AgencyGroup[]): RefOption[] {
  return [
    ...groups.map((g) => ({ ref: { type: 'group', groupId: g.id } as AgencyRef, label: g.name, kind: 'Nhóm' })),
    ...agencies.filter((a) => a.active).map((a) => ({ ref: { type: 'agency', agencyId: a.id } as AgencyRef, label: a.shortName, kind: 'Cơ quan' })),
  ];
}

export function refLabel(ref: AgencyRef | null, options: RefOption[]): string {
  if (!ref) return '';
  if (ref.type === 'text') return ref.text;
  return options.find((o) => JSON.stringify(o.ref) === JSON.stringify(ref))?.label ?? '(không còn trong danh mục)';
}

const toOption = (value: string | RefOption): RefOption => (typeof value === 'string' ? { ref: { type: 'text', text: value }, label: value, kind: 'Tự nhập' } : value);
const sameRef = (a: string | RefOption, b: string | RefOption) => JSON.stringify(toOption(a).ref) === JSON.stringify(toOption(b).ref);

/** One agency: pick from the registry, or type a name that is not in it. */
export function RefPicker(props: { label: string; options: RefOption[]; value: AgencyRef | null; onChange: (ref: AgencyRef | null) => void; disabled?: boolean }) {
  const value = props.value ? { ref: props.value, label: refLabel(props.value, props.options), kind: '' } : null;
  return (
    <Autocomplete
      disabled={props.disabled ?? false}
      freeSolo
      options={props.options}
      groupBy={(o) => o.kind}
      value={value}
      getOptionLabel={(o) => (typeof o === 'string' ? o : o.label)}
      isOptionEqualToValue={(a, b) => sameRef(a, b)}
      onChange={(_e, v) => props.onChange(v ? toOption(v).ref : null)}
      renderInput={(params) => <TextField {...params} label={props.label} helperText="Chọn trong danh mục, hoặc gõ tên rồi Enter" />}
    />
  );
}

/** Several agencies (coordinating agencies). */
export function RefsPicker(props: { label: string; options: RefOption[]; value: AgencyRef[]; onChange: (refs: AgencyRef[]) => void; disabled?: boolean }) {
  const value = props.value.map((ref) => ({ ref, label: refLabel(ref, props.options), kind: '' }));
  return (
    <Autocomplete
      disabled={props.disabled ?? false}
      multiple
      freeSolo
      options={props.options}
      groupBy={(o) => o.kind}
      value={value}
      getOptionLabel={(o) => (typeof o === 'string' ? o : o.label)}
      isOptionEqualToValue={(a, b) => sameRef(a, b)}
      onChange={(_e, v) => props.onChange(v.map((x) => toOption(x).ref))}
      renderInput={(params) => <TextField {...params} label={props.label} helperText="Chọn nhiều; gõ tên rồi Enter để thêm tên ngoài danh mục" />}
    />
  );
}
