import { useCallback, useState } from 'react';
import { type Order, ORDER_STATUSES, type OrderStatus, ordersApi } from '../api/dashboard';
import { errorMessage } from '../api/http';
import { ErrorBox } from '../components/util';
import { Guard, useLoad } from './load';
import { OrdersTable, upsert, useLiveOrders } from './orders';

/** Route /orders */
export function OrdersPage() {
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [orders, reload, update] = useLoad(() => ordersApi.list(status), [status]);
  const [error, setError] = useState<string | null>(null);
  const live = useLiveOrders(useCallback((o: Order) => update((list) => (status && o.status !== status ? list.filter((x) => x.id !== o.id) : upsert(list, o))), [update, status]));
  const change = async (o: Order, s: OrderStatus) => {
    try {
      const updated = await ordersApi.setStatus(o.id, s);
      update((list) => upsert(list, updated ?? { ...o, status: s }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className="page">
      <div className="page-head">
        <h1>Orders</h1> <span className={`badge ${live ? 'ok' : 'muted'}`}>{live ? 'live' : 'not live'}</span>
        <span className="spacer" />
        <select value={status} onChange={(e) => setStatus(e.target.value as OrderStatus | '')}>
          <option value="">all statuses</option>
          {ORDER_STATUSES.map((s) => <option key={s}>{s}</option>)}
        </select>
      </div>
      {error && <ErrorBox message={error} />}
      <Guard load={orders} endpoint="GET /api/orders?status=" reload={reload}>{(list) => <OrdersTable orders={list} onStatus={change} />}</Guard>
    </div>
  );
}
