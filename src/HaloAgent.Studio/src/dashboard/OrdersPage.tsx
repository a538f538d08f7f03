import { useCallback, useState } from 'react';
import { FILTER_STATUSES, type Order, type OrderStatus, ordersApi, statusLabel } from '../api/dashboard';
import { canManagePayments, useRole } from '../api/permissions';
import { Guard, useLoad } from './load';
import { OrdersTable, upsert, useLiveOrders } from './orders';

const stored = (s: OrderStatus): OrderStatus => (s === 'payment_review' ? 'pending_payment' : s);

/** Route /orders */
export function OrdersPage() {
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [orders, reload, update] = useLoad(() => ordersApi.list(status), [status]);
  // Moving orders is for the owner and agents (the server's manage-orders policy), as deciding payments is.
  const canMove = canManagePayments(useRole());
  // An unpaid order whose receipt waits reads payment_review but is stored (and filtered) as pending_payment.
  const show = useCallback((o: Order) => update((list) => (status && stored(o.status) !== status ? list.filter((x) => x.id !== o.id) : upsert(list, o))), [update, status]);
  const live = useLiveOrders(show);
  return (
    <div className="page">
      <div className="page-head">
        <h1>Orders</h1> <span className={`badge ${live ? 'ok' : 'muted'}`}>{live ? 'live' : 'not live'}</span>
        <span className="spacer" />
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value as OrderStatus | '')}>
          <option value="">All statuses</option>
          {FILTER_STATUSES.map((s) => <option key={s} value={s}>{statusLabel(s)}</option>)}
        </select>
      </div>
      <Guard load={orders} endpoint="GET /api/orders?status=" reload={reload}>{(list) => <OrdersTable orders={list} onChanged={canMove ? show : undefined} />}</Guard>
    </div>
  );
}
