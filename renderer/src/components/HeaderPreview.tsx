import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { QUOC_HIEU, TIEU_NGU, composeSoKyHieu, formatNd30Date } from '../../../shared/nd30';
import type { IssuerProfileInput } from '../../../shared/profile';

const serif = { fontFamily: '"Times New Roman", "Liberation Serif", serif', lineHeight: 1.25 } as const;

/** Roughly how the header and signature of a Kế hoạch will print with this profile (not to scale). */
export function HeaderPreview({ profile }: { profile: IssuerProfileInput }) {
  const upper = (s: string) => s.toLocaleUpperCase('vi');
  const nameLines = profile.issuerName.split('\n').filter(Boolean).map(upper);
  const so = composeSoKyHieu({ kind: 'ke-hoach', issuer: profile.issuerAbbr || '…' });
  const date = formatNd30Date(profile.place || '…', { year: new Date().getFullYear() });
  return (
    <Box aria-label="Xem trước phần đầu văn bản" sx={{ ...serif, bgcolor: 'white', border: 1, borderColor: 'divider', p: 2, fontSize: 13 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: '40% 60%', textAlign: 'center' }}>
        <Box>
          {profile.parentName && <div>{upper(profile.parentName)}</div>}
          {nameLines.map((l, i) => (
            <div key={i} style={{ fontWeight: 700 }}>
              {l}
            </div>
          ))}
          <Box sx={{ borderTop: '1px solid black', width: '35%', mx: 'auto', mt: 0.5 }} />
        </Box>
        <Box>
          <div style={{ fontWeight: 700 }}>{QUOC_HIEU}</div>
          <div style={{ fontWeight: 700, fontSize: 14 }}>{TIEU_NGU}</div>
          <Box sx={{ borderTop: '1px solid black', width: '58%', mx: 'auto', mt: 0.5 }} />
        </Box>
        <Box sx={{ mt: 1 }}>{so.replace(/ {2,}/g, '\u00a0\u00a0\u00a0\u00a0\u00a0')}</Box>
        <Box sx={{ mt: 1, fontStyle: 'italic', fontSize: 14 }}>{date.replace(/ {2,}/g, '\u00a0\u00a0\u00a0\u00a0')}</Box>
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: '40% 60%', mt: 3 }}>
        <Box>
          <div style={{ fontWeight: 700, fontStyle: 'italic', fontSize: 12 }}>Nơi nhận:</div>
          <div style={{ fontSize: 11 }}>- …;</div>
          <div style={{ fontSize: 11 }}>{`- Lưu: VT${profile.draftingUnitAbbr ? `, ${profile.draftingUnitAbbr}` : ''}.`}</div>
        </Box>
        <Box sx={{ textAlign: 'center', fontWeight: 700, fontSize: 14 }}>
          {profile.signer.authority.filter(Boolean).map((l, i) => (
            <div key={i}>{upper(l)}</div>
          ))}
          <div>{upper(profile.signer.title)}</div>
          <Box sx={{ height: 48 }} />
          <div>{profile.signer.name}</div>
        </Box>
      </Box>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1, fontFamily: 'inherit' }}>
        Hình minh họa gần đúng; văn bản xuất ra (.docx) trình bày đúng thể thức Nghị định 30/2020/NĐ-CP.
      </Typography>
    </Box>
  );
}
