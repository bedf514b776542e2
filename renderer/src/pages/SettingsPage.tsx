import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { IssuerProfileForm } from '../components/IssuerProfileForm';

export function SettingsPage() {
  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        Cài đặt
      </Typography>
      <Tabs value="issuer" sx={{ mb: 2 }} aria-label="Các mục cài đặt">
        <Tab value="issuer" label="Cơ quan ban hành" />
      </Tabs>
      <IssuerProfileForm />
    </>
  );
}
