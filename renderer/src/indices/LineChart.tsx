import Box from '@mui/material/Box';
import { formatScore } from '../../../shared/indices';

export interface Series {
  name: string;
  points: (number | null)[];
}

const COLORS = ['#8a1c1c', '#1f4e79', '#2e7d32', '#ed6c02', '#6a1b9a', '#00838f'];

/** Scores of a few components over the years, with the maximum as a dashed line. */
export function LineChart({ years, series, max }: { years: number[]; series: Series[]; max: number | null }) {
  const width = 640;
  const height = 260;
  const pad = { left: 44, right: 16, top: 16, bottom: 28 };
  const values = series.flatMap((s) => s.points.filter((p): p is number => p !== null));
  const top = Math.max(max ?? 0, ...values, 1);
  const x = (i: number) => pad.left + (years.length <= 1 ? 0 : (i * (width - pad.left - pad.right)) / (years.length - 1));
  const y = (v: number) => pad.top + (1 - v / top) * (height - pad.top - pad.bottom);
  const ticks = [0, top / 4, top / 2, (3 * top) / 4, top];
  return (
    <Box>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label="Biểu đồ điểm theo năm">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} stroke="#e0e0e0" />
            <text x={pad.left - 6} y={y(t) + 4} fontSize="11" textAnchor="end">
              {formatScore(t, 2)}
            </text>
          </g>
        ))}
        {years.map((yr, i) => (
          <text key={yr} x={x(i)} y={height - 8} fontSize="11" textAnchor="middle">
            {yr}
          </text>
        ))}
        {max !== null && <line x1={pad.left} x2={width - pad.right} y1={y(max)} y2={y(max)} stroke="#555" strokeDasharray="6 4" />}
        {series.map((s, k) => {
          const color = COLORS[k % COLORS.length];
          const pts = s.points.map((p, i) => (p === null ? null : ([x(i), y(p)] as const)));
          const path = pts.reduce((d, p, i) => (p ? `${d}${d && pts[i - 1] ? 'L' : 'M'}${p[0]},${p[1]}` : d), '');
          return (
            <g key={s.name}>
              <path d={path} fill="none" stroke={color} strokeWidth={2} />
              {pts.map((p, i) => p && <circle key={i} cx={p[0]} cy={p[1]} r={3.5} fill={color} />)}
            </g>
          );
        })}
      </svg>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, fontSize: 13 }}>
        {series.map((s, k) => (
          <span key={s.name}>
            <span style={{ display: 'inline-block', width: 12, height: 3, background: COLORS[k % COLORS.length], verticalAlign: 'middle', marginRight: 4 }} />
            {s.name}
          </span>
        ))}
        {max !== null && <span>- - - tối đa ({formatScore(max)})</span>}
      </Box>
    </Box>
  );
}
