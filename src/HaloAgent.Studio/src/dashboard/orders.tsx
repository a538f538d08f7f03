import { useEffect, useState } from 'react';
import { naira, openStream, type Order, ORDER_STATUSES, type OrderStatus } from '../api/dashboard';
import { formatDate } from '../components/util';

export function useLiveOrders(onOrder: (o: Order) => void) {
  const [connected, setConnected] = useState(false);
  useEffect(() => openStream((e) => {
    if (e.type === 'order.created' || e.type === 'order.updated') onOrder(e.data);
  }, setConnected), [onOrder]);
  return connected;
}

export function OrdersTable({ orders, onStatus }: { orders: Order[]; onStatus?: (o: Order, s: OrderStatus) => void }) {
  return (
    <table className="table stack">
      <thead><tr><th>Order</th><th>Customer</th><th>Items</th><th>Total</th><th>Fulfilment</th><th>Status</th><th>Placed</th></tr></thead>
      <tbody>
        {orders.length === 0 && <tr><td colSpan={7} className="hint">No orders.</td></tr>}
        {orders.map((o) => (
          <tr key={o.id}>
            <td data-label="Order"><b>{o.number}</b></td>
            <td data-label="Customer">{o.contactName}<div className="hint mono">{o.phone}</div></td>
            <td data-label="Items">{o.items.map((i) => `${i.quantity}× ${i.name}`).join(', ')}</td>
            <td data-label="Total">{naira(o.totalKobo)}</td>
            <td data-label="Fulfilment">{o.fulfilment}{o.zone ? ` · ${o.zone}` : ''}</td>
            <td data-label="Status">
              {onStatus ? (
                <select value={o.status} onChange={(e) => onStatus(o, e.target.value as OrderStatus)}>
                  {ORDER_STATUSES.map((s) => <option key={s}>{s}</option>)}
                </select>
              ) : <span className="badge">{o.status}</span>}
            </td>
            <td data-label="Placed">{formatDate(o.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function upsert(list: Order[], order: Order): Order[] {
  const i = list.findIndex((o) => o.id === order.id);
  return i < 0 ? [order, ...list] : list.map((o) => (o.id === order.id ? order : o));
}
