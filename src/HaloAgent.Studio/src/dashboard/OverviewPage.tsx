import { useCallback, useState } from 'react';
import { naira, type Order, type SalesStats, statsApi, ordersApi } from '../api/dashboard';
import { Guard, useLoad } from './load';
import { OrdersTable, upsert, useLiveOrders } from './orders';

function SalesChart({ stats }: { stats: SalesStats }) {
  const max = Math.max(1, ...stats.points.map((p) => p.revenueKobo));
  const w = 640;
  const h = 160;
  const bar = w / Math.max(1, stats.points.length);
  return (
    <div className="card">
      <div className="stat-row">
        <div><label>Orders ({stats.days} days)</label><b>{stats.totalOrders}</b></div>
        <div><label>Revenue</label><b>{naira(stats.totalRevenueKobo)}</b></div>
      </div>
      <svg viewBox={`0 0 ${w} ${h + 20}`} className="chart" role="img" aria-label="Revenue per day">
        {stats.points.map((p, i) => {
          const bh = (p.revenueKobo / max) * h;
          return (
            <g key={p.date}>
              <rect x={i * bar + 2} y={h - bh} width={Math.max(1, bar - 4)} height={bh} className="bar"><title>{`${p.date}: ${naira(p.revenueKobo)}, ${p.orders} orders`}</title></rect>
              {stats.points.length <= 14 && <text x={i * bar + bar / 2} y={h + 14} textAnchor="middle">{p.date.slice(5)}</text>}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** Route / */
export function DashboardHome() {
  const [days, setDays] = useState(14);
  const [stats, reloadStats] = useLoad(() => statsApi.sales(days), [days]);
  const [orders, reloadOrders, updateOrders] = useLoad(() => ordersApi.list(), []);
  const live = useLiveOrders(useCallback((o: Order) => updateOrders((list) => upsert(list, o)), [updateOrders]));
  return (
    <div className="page">
      <div className="page-head">
        <h1>Overview</h1>
        <span className="spacer" />
        <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {[7, 14, 30, 90].map((d) => <option key={d} value={d}>Last {d} days</option>)}
        </select>
      </div>
      <Guard load={stats} endpoint="GET /api/stats/sales?days=" reload={reloadStats}>{(s) => <SalesChart stats={s} />}</Guard>
      <h2>Live orders <span className={`badge ${live ? 'ok' : 'muted'}`}>{live ? 'live' : 'not live'}</span></h2>
      <Guard load={orders} endpoint="GET /api/orders" reload={reloadOrders}>{(list) => <OrdersTable orders={list.slice(0, 10)} />}</Guard>
    </div>
  );
}
