import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { Issuer, IssuerInput } from '../../../shared/issuers';
import { api } from '../api';
import { fieldErrors } from '../errors';
import { ContactFields } from './ContactFields';
import { HeaderPreview } from './HeaderPreview';

const EMPTY: IssuerInput = {
  label: '',
  parentName: '',
  issuerName: '',
  issuerFullName: '',
  issuerAbbr: '',
  place: '',
  draftingUnitAbbr: '',
  signer: { authority: [], title: '', name: '' },
};

type Errors = Record<string, string>;

/** The fields of one issuing body; `issuer` null creates one (the first one made becomes the default). */
export function IssuerProfileForm(props: { issuer: Issuer | null; firstRun?: boolean; onSaved: (issuer: Issuer) => void; onCancel?: () => void }) {
  const [form, setForm] = useState<IssuerInput>(() => (props.issuer ? withoutListFields(props.issuer) : EMPTY));
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string>();
  const [saved, setSaved] = useState(false);
  const isNew = !form.id;

  const set = (patch: Partial<IssuerInput>) => setForm((f) => ({ ...f, ...patch }));
  const setSigner = (patch: Partial<IssuerInput['signer']>) => setForm((f) => ({ ...f, signer: { ...f.signer, ...patch } }));
  const field = (path: string) => ({ error: Boolean(errors[path]), helperText: errors[path] });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setFailure(undefined);
    try {
      const savedIssuer = await api.saveIssuer(form);
      setForm(withoutListFields(savedIssuer));
      setErrors({});
      setSaved(true);
      props.onSaved(savedIssuer);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFailure((err as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(420px, 1fr) minmax(420px, 1fr)' }, gap: 3 }}>
      <Stack spacing={2}>
        {props.firstRun && <Alert severity="info">Chưa có thông tin cơ quan ban hành. Điền các mục dưới đây rồi bấm “Lưu”.</Alert>}
        {failure && (
          <Alert severity="error" role="alert" sx={{ whiteSpace: 'pre-line' }}>
            {failure}
          </Alert>
        )}
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
            {isNew ? 'Cơ quan ban hành mới' : 'Cơ quan ban hành'}
          </Typography>
          <Stack spacing={2}>
            <TextField
              label="Tên gọi trong danh sách"
              value={form.label ?? ''}
              onChange={(e) => set({ label: e.target.value })}
              {...field('label')}
              helperText={errors.label ?? 'Tên ngắn để chọn khi soạn văn bản, ví dụ: UBND tỉnh, Sở Nội vụ. Để trống: dùng tên khi viết trong câu.'}
            />
            <TextField
              label="Tên cơ quan chủ quản (nếu có)"
              value={form.parentName}
              onChange={(e) => set({ parentName: e.target.value })}
              {...field('parentName')}
              helperText={errors.parentName ?? 'Ví dụ: UBND TỈNH BẮC KẠN. Để trống nếu cơ quan ban hành là UBND.'}
            />
            <TextField
              label="Tên cơ quan ban hành"
              required
              multiline
              minRows={2}
              value={form.issuerName}
              onChange={(e) => set({ issuerName: e.target.value })}
              {...field('issuerName')}
              helperText={errors.issuerName ?? 'Xuống dòng (Enter) ở chỗ muốn ngắt khi in, tối đa 3 dòng. Ví dụ: ỦY BAN NHÂN DÂN ↵ TỈNH BẮC KẠN.'}
            />
            <TextField
              label="Tên cơ quan ban hành khi viết trong câu"
              value={form.issuerFullName}
              onChange={(e) => set({ issuerFullName: e.target.value })}
              {...field('issuerFullName')}
              helperText={errors.issuerFullName ?? 'Ví dụ: Ủy ban nhân dân tỉnh Bắc Kạn — dùng ở dòng “(Kèm theo Kế hoạch số … của …)” của phụ lục'}
            />
            <Stack direction="row" spacing={2}>
              <TextField
                label="Viết tắt trong số ký hiệu"
                required
                value={form.issuerAbbr}
                onChange={(e) => set({ issuerAbbr: e.target.value })}
                {...field('issuerAbbr')}
                helperText={errors.issuerAbbr ?? 'Ví dụ: UBND, SNV'}
              />
              <TextField
                label="Đơn vị soạn thảo (dòng Lưu)"
                value={form.draftingUnitAbbr}
                onChange={(e) => set({ draftingUnitAbbr: e.target.value })}
                {...field('draftingUnitAbbr')}
                helperText={errors.draftingUnitAbbr ?? 'Ví dụ: NV → “- Lưu: VT, NV.”'}
              />
            </Stack>
            <TextField
              label="Địa danh ghi ở dòng ngày tháng"
              required
              value={form.place}
              onChange={(e) => set({ place: e.target.value })}
              {...field('place')}
              helperText={errors.place ?? 'Ví dụ: Bắc Kạn → “Bắc Kạn, ngày 05 tháng 3 năm 2024”'}
            />
          </Stack>
        </Paper>
        <ContactFields value={form.contact} errors={errors} onChange={(contact) => set({ contact })} />
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
            Người ký mặc định
          </Typography>
          <Stack spacing={2}>
            {form.signer.authority.map((line, i) => (
              <Stack direction="row" spacing={1} key={i} sx={{ alignItems: "flex-start" }}>
                <TextField
                  label={`Dòng thẩm quyền ${i + 1}`}
                  value={line}
                  onChange={(e) => setSigner({ authority: form.signer.authority.map((l, j) => (j === i ? e.target.value : l)) })}
                  {...field(`signer.authority.${i}`)}
                  helperText={errors[`signer.authority.${i}`] ?? 'TM., KT., TL., TUQ. hoặc Q. rồi đến tên tập thể/chức vụ'}
                />
                <IconButton
                  aria-label={`Xóa dòng thẩm quyền ${i + 1}`}
                  onClick={() => setSigner({ authority: form.signer.authority.filter((_, j) => j !== i) })}
                >
                  <DeleteIcon />
                </IconButton>
              </Stack>
            ))}
            {form.signer.authority.length < 3 && (
              <Box>
                <Button startIcon={<AddIcon />} onClick={() => setSigner({ authority: [...form.signer.authority, ''] })}>
                  Thêm dòng thẩm quyền (TM., KT., TL., TUQ., Q.)
                </Button>
              </Box>
            )}
            <TextField
              label="Chức vụ người ký"
              required
              value={form.signer.title}
              onChange={(e) => setSigner({ title: e.target.value })}
              {...field('signer.title')}
              helperText={errors['signer.title'] ?? 'Ví dụ: CHỦ TỊCH, PHÓ CHỦ TỊCH, GIÁM ĐỐC'}
            />
            <TextField
              label="Họ tên người ký"
              required
              value={form.signer.name}
              onChange={(e) => setSigner({ name: e.target.value })}
              {...field('signer.name')}
              helperText={errors['signer.name'] ?? 'Không ghi học hàm, học vị'}
            />
          </Stack>
        </Paper>
        <Box>
          <Button type="submit" variant="contained" disabled={saving}>
            {saving ? 'Đang lưu…' : 'Lưu'}
          </Button>
          {props.onCancel && (
            <Button sx={{ ml: 1 }} onClick={props.onCancel}>
              Đóng
            </Button>
          )}
        </Box>
      </Stack>
      <Box>
        <Typography variant="subtitle2" gutterBottom>
          Xem trước
        </Typography>
        <HeaderPreview profile={form} />
      </Box>
      <Snackbar open={saved} autoHideDuration={4000} onClose={() => setSaved(false)} message="Đã lưu thông tin cơ quan ban hành." />
    </Box>
  );
}

/** The save request for an issuer as loaded (the list's own fields dropped). */
function withoutListFields({ isDefault: _d, ...issuer }: Issuer): IssuerInput {
  return issuer;
}
