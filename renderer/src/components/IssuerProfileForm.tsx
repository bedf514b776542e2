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
import { useEffect, useState, type FormEvent } from 'react';
import type { IssuerProfileInput } from '../../../shared/profile';
import { api } from '../api';
import { fieldErrors } from '../errors';
import { HeaderPreview } from './HeaderPreview';

const EMPTY: IssuerProfileInput = {
  parentName: '',
  issuerName: '',
  issuerFullName: '',
  issuerAbbr: '',
  place: '',
  draftingUnitAbbr: '',
  signer: { authority: [], title: '', name: '' },
};

type Errors = Record<string, string>;

export function IssuerProfileForm() {
  const [form, setForm] = useState<IssuerProfileInput>(EMPTY);
  const [loaded, setLoaded] = useState(false);
  const [isNew, setIsNew] = useState(false);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    api.getIssuerProfile({}).then(
      (profile) => {
        setForm(profile ?? EMPTY);
        setIsNew(profile === null);
        setLoaded(true);
      },
      (err: Error) => setFailure(err.message),
    );
  }, []);

  const set = (patch: Partial<IssuerProfileInput>) => setForm((f) => ({ ...f, ...patch }));
  const setSigner = (patch: Partial<IssuerProfileInput['signer']>) => setForm((f) => ({ ...f, signer: { ...f.signer, ...patch } }));
  const field = (path: string) => ({ error: Boolean(errors[path]), helperText: errors[path] });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setFailure(undefined);
    try {
      const savedProfile = await api.saveIssuerProfile(form);
      setForm(savedProfile);
      setErrors({});
      setIsNew(false);
      setSaved(true);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFailure((err as Error).message);
    } finally {
      setSaving(false);
    }
  }

  if (!loaded && !failure) return <Typography>Đang tải…</Typography>;

  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(420px, 1fr) minmax(420px, 1fr)' }, gap: 3 }}>
      <Stack spacing={2}>
        {isNew && <Alert severity="info">Chưa có thông tin cơ quan ban hành. Điền các mục dưới đây rồi bấm “Lưu”.</Alert>}
        {failure && (
          <Alert severity="error" role="alert" sx={{ whiteSpace: 'pre-line' }}>
            {failure}
          </Alert>
        )}
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
            Cơ quan ban hành
          </Typography>
          <Stack spacing={2}>
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
