import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { formatVnDate } from '../../../shared/dates';
import { ON_TIME_CATEGORIES, ON_TIME_CATEGORY_IDS, type OnTimeCategory } from '../../../shared/on-time';

export const ON_TIME_COLORS: Record<OnTimeCategory, string> = {
  'dung-han': '#2e7d32',
  'tre-han': '#9e9d24',
  'trong-han': '#1565c0',
  'qua-han': '#c62828',
};

/** The plan's tasks by on-time category: one bar per category, with its count and share. */
export function OnTimeChart({ counts, asOf }: { counts: Record<string, number>; asOf: string }) {
  const total = ON_TIME_CATEGORY_IDS.reduce((a, c) => a + (counts[c] ?? 0), 0);
  const width = 640;
  const row = 34;
  const label = 230;
  const bar = width - label - 90;
  const height = ON_TIME_CATEGORY_IDS.length * row + 8;
  return (
    <Box sx={{ width: width, maxWidth: '100%', flexShrink: 0 }}>
      <Typography variant="subtitle2" gutterBottom>
        Tiến độ các nhiệm vụ của kế hoạch (tính đến {formatVnDate(asOf)}, theo báo cáo của cơ quan chủ trì)
      </Typography>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label="Biểu đồ tiến độ nhiệm vụ">
        {ON_TIME_CATEGORY_IDS.map((c, i) => {
          const n = counts[c] ?? 0;
          const y = 4 + i * row;
          const w = total ? (n / total) * bar : 0;
          const share = total ? Math.round((n / total) * 1000) / 10 : 0;
          return (
            <g key={c}>
              <text x={0} y={y + 19} fontSize="13">
                {ON_TIME_CATEGORIES[c]}
              </text>
              <rect x={label} y={y + 4} width={bar} height={20} fill="#eeeeee" rx={3} />
              <rect x={label} y={y + 4} width={w} height={20} fill={ON_TIME_COLORS[c]} rx={3} />
              <text x={label + bar + 8} y={y + 19} fontSize="13">
                {n} ({share.toLocaleString('vi-VN')}%)
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}

/** One agency's tasks by category, as a thin stacked bar with the counts in its tooltip. */
export function OnTimeMiniBar({ counts }: { counts: Record<string, number> }) {
  const total = ON_TIME_CATEGORY_IDS.reduce((a, c) => a + (counts[c] ?? 0), 0);
  const summary = ON_TIME_CATEGORY_IDS.map((c) => `${ON_TIME_CATEGORIES[c]}: ${counts[c] ?? 0}`).join('; ');
  let x = 0;
  return (
    <svg viewBox="0 0 120 12" width={120} height={12} role="img" aria-label={summary}>
      <title>{summary}</title>
      <rect x={0} y={0} width={120} height={12} fill="#eeeeee" rx={2} />
      {ON_TIME_CATEGORY_IDS.map((c) => {
        const w = total ? ((counts[c] ?? 0) / total) * 120 : 0;
        const rect = <rect key={c} x={x} y={0} width={w} height={12} fill={ON_TIME_COLORS[c]} />;
        x += w;
        return rect;
      })}
    </svg>
  );
}

export function OnTimeLegend() {
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      {ON_TIME_CATEGORY_IDS.map((c) => (
        <Box key={c} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
          <Box sx={{ width: 12, height: 12, bgcolor: ON_TIME_COLORS[c], borderRadius: 0.5 }} />
          <Typography variant="caption">{ON_TIME_CATEGORIES[c]}</Typography>
        </Box>
      ))}
    </Box>
  );
}
