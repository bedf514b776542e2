import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { RequestOutput } from '../../../shared/api';
import { issuerNameLines } from '../../../shared/profile';
import { api } from '../api';
import { AREAS } from '../areas';
import { href } from '../router';

export function HomePage() {
  const [profile, setProfile] = useState<RequestOutput<'listIssuers'>[number] | null | undefined>();
  const [info, setInfo] = useState<RequestOutput<'getAppInfo'>>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    Promise.all([api.listIssuers({}), api.getAppInfo({})]).then(
      ([issuers, i]) => {
        setProfile(issuers.find((x) => x.isDefault) ?? issuers[0] ?? null);
        setInfo(i);
      },
      (err: Error) => setError(err.message),
    );
  }, []);
  return (
    <Stack spacing={2} sx={{ maxWidth: 820 }}>
      <Typography variant="h5" component="h1">
        Tổng quan
      </Typography>
      <Typography>
        NoiVu Desk giúp chuyên viên Sở Nội vụ quản lý danh mục cơ quan, theo dõi các chỉ số cải cách hành chính (PAPI, SIPAS, PAR INDEX,
        PCI), soạn Kế hoạch, Chỉ thị, Công văn, Báo cáo đúng thể thức Nghị định 30/2020/NĐ-CP và tổng hợp báo cáo của các cơ quan — không cần
        mạng.
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {profile === null && (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" href={href('cai-dat')}>
              Khai báo ngay
            </Button>
          }
        >
          Chưa khai báo cơ quan ban hành. Văn bản cần tên cơ quan, chữ viết tắt, địa danh và người ký.
        </Alert>
      )}
      {profile && (
        <Card variant="outlined">
          <CardContent>
            <Typography variant="overline">Cơ quan ban hành</Typography>
            <Typography sx={{ fontWeight: 700 }}>{issuerNameLines(profile).join(' ')}</Typography>
            <Typography variant="body2" color="text.secondary">
              Viết tắt: {profile.issuerAbbr} · Địa danh: {profile.place} · Người ký: {profile.signer.name}
            </Typography>
          </CardContent>
        </Card>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', gap: 1.5 }}>
        {AREAS.map((area) => (
          <Card key={area.path} variant="outlined">
            <CardActionArea href={href(area.path)} sx={{ p: 1.5, height: '100%', display: 'block' }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
                {area.icon}
                <Typography sx={{ fontWeight: 600 }}>{area.label}</Typography>
              </Stack>
              <Typography variant="body2" color="text.secondary">
                {area.purpose}
              </Typography>
            </CardActionArea>
          </Card>
        ))}
      </Box>
      {info && (
        <Typography variant="caption" color="text.secondary">
          Phiên bản {info.version} · Tệp dữ liệu: {info.databasePath}
        </Typography>
      )}
    </Stack>
  );
}
