import { naira, type SalesStats } from '../api/dashboard';

const W = 640;
const H = 160;
/** The smallest bar a day with sales gets, so a small day is never mistaken for none. */
const MIN_BAR = 6;

/** Revenue per day: bars stand on one baseline; a day with sales always shows a bar, a day without shows ₦0. */
export function SalesChart({ stats }: { stats: SalesStats }) {
  const max = Math.max(1, ...stats.points.map((p) => p.revenueKobo));
  const slot = W / Math.max(1, stats.points.length);
  const labelled = stats.points.length <= 14;
  return (
    <div className="card sales-chart">
      <div className="stat-row">
        <div><label>Paid orders ({stats.days} days)</label><b>{stats.totalOrders}</b></div>
        <div><label>Revenue</label><b>{naira(stats.totalRevenueKobo)}</b></div>
      </div>
      <svg viewBox={`0 0 ${W} ${H + 20}`} className="sales-svg" role="img" aria-label="Paid revenue per day">
        <line x1={0} x2={W} y1={H} y2={H} className="sales-baseline" />
        {stats.points.map((p, i) => {
          const height = p.revenueKobo > 0 ? Math.max(MIN_BAR, (p.revenueKobo / max) * H) : 0;
          const x = i * slot + 2;
          const width = Math.max(1, slot - 4);
          const title = `${p.date}: ${naira(p.revenueKobo)}, ${p.orders} paid orders`;
          return (
            <g key={p.date} data-date={p.date} data-revenue={p.revenueKobo}>
              <title>{title}</title>
              {height > 0
                ? <rect x={x} y={H - height} width={width} height={height} className="sales-bar" />
                : labelled && <text x={x + width / 2} y={H - 4} textAnchor="middle" className="sales-zero">₦0</text>}
              {labelled && <text x={i * slot + slot / 2} y={H + 14} textAnchor="middle" className="sales-date">{p.date.slice(5)}</text>}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
