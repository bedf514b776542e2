import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import type { Area } from '../areas';

/** An area that exists in the navigation but has no feature yet: said plainly, no sample data. */
export function NotBuiltPage({ area }: { area: Area }) {
  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        {area.label}
      </Typography>
      <Alert severity="info" sx={{ maxWidth: 720 }}>
        Chức năng này chưa có trong phiên bản hiện tại. Khi hoàn thành, tại đây bạn sẽ làm việc với: {area.purpose}
      </Alert>
    </>
  );
}
