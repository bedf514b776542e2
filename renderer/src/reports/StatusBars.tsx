import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { TASK_STATUSES, TASK_STATUS_IDS } from '../../../shared/reports';

const COLORS: Record<string, string> = {
  'hoan-thanh-dung-han': '#2e7d32',
  'hoan-thanh-qua-han': '#9e9d24',
  'dang-thuc-hien-trong-han': '#1565c0',
  'qua-han-chua-hoan-thanh': '#c62828',
  'khong-thuc-hien': '#6d4c41',
};

/** Task statuses as horizontal bars, with "not reported yet" last. */
export function StatusBars({ counts, total }: { counts: Record<string, number>; total: number }) {
  const reported = Object.values(counts).reduce((a, b) => a + b, 0);
  const rows = [...TASK_STATUS_IDS.map((id) => ({ label: TASK_STATUSES[id], n: counts[id] ?? 0, color: COLORS[id]! })), { label: 'Chưa có báo cáo', n: total - reported, color: '#9e9e9e' }];
  return (
    <Box role="img" aria-label="Tình trạng các nhiệm vụ" sx={{ maxWidth: 640 }}>
      {rows.map((r) => (
        <Box key={r.label} sx={{ display: 'grid', gridTemplateColumns: '200px 1fr 60px', alignItems: 'center', gap: 1, mb: 0.5 }}>
          <Typography variant="body2">{r.label}</Typography>
          <Box sx={{ bgcolor: 'grey.200', height: 14, borderRadius: 1 }}>
            <Box sx={{ bgcolor: r.color, height: 14, borderRadius: 1, width: `${total ? (r.n / total) * 100 : 0}%` }} />
          </Box>
          <Typography variant="body2" sx={{ textAlign: 'right' }}>
            {r.n}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
