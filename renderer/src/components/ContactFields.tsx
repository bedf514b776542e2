import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

export type Contact = { address: string; phone: string; email: string; website: string };
const EMPTY: Contact = { address: '', phone: '', email: '', website: '' };

/** Ô 13 of an issuer: printed at the foot of the first page of a công văn or giấy mời when filled. */
export function ContactFields(props: { value: Contact | undefined; errors: Record<string, string>; onChange: (contact: Contact) => void }) {
  const value = props.value ?? EMPTY;
  const field = (key: keyof Contact, label: string, helper: string, width?: number) => (
    <TextField
      label={label}
      value={value[key]}
      sx={width ? { width } : { flex: 1 }}
      onChange={(e) => props.onChange({ ...value, [key]: e.target.value })}
      error={Boolean(props.errors[`contact.${key}`])}
      helperText={props.errors[`contact.${key}`] ?? helper}
    />
  );
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
        Địa chỉ liên hệ (Ô 13, in cuối trang đầu công văn, giấy mời)
      </Typography>
      <Stack spacing={2}>
        {field('address', 'Địa chỉ', 'Ví dụ: Tổ 1, phường Đức Xuân, thành phố Bắc Kạn')}
        <Stack direction="row" spacing={2}>
          {field('phone', 'Điện thoại', 'Ví dụ: 0209.3870.123', 200)}
          {field('email', 'Thư điện tử', 'Ví dụ: snv@backan.gov.vn')}
        </Stack>
        {field('website', 'Trang thông tin điện tử', 'Để trống nếu không in')}
      </Stack>
    </Paper>
  );
}
