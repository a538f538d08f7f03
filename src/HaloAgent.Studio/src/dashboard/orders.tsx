import { useEffect, useRef, useState } from 'react';
import { moveLabel, naira, openStream, type Order, type OrderStatus, ordersApi, statusLabel, type StreamEvent } from '../api/dashboard';
import { ApiError, errorMessage } from '../api/http';
import { formatDate } from '../components/util';
import './orders.css';

/** One event stream for the page; the handler may change between renders without reopening it. */
export function useStream(onEvent: (e: StreamEvent) => void) {
  const [connected, setConnected] = useState(false);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => openStream((e) => handler.current(e), setConnected), []);
  return connected;
}

export function useLiveOrders(onOrder: (o: Order) => void) {
  return useStream((e) => {
    if (e.type === 'order.created' || e.type === 'order.updated') onOrder(e.data);
  });
}

export function StatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`badge order-status st-${status}`} data-status={status}>{statusLabel(status)}</span>;
}

/**
 * One-tap buttons for the moves the server allows next; cancelling asks first. Calls `onChanged` with the server's
 * answer, so the order shows what it is now (and its new next moves).
 */
export function OrderMoves({ order, onChanged }: { order: Order; onChanged: (o: Order) => void }) {
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const move = async (to: OrderStatus) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await ordersApi.setStatus(order.id, to);
      setConfirming(false);
      if (updated) onChanged(updated);
    } catch (e) {
      setError(errorMessage(e));
      // Someone else moved it first (another phone, the agent, a missed live update): show what it is now, so the
      // buttons offer the moves that are still possible.
      if (e instanceof ApiError && e.status === 409) {
        const now = await ordersApi.get(order.id).catch(() => undefined);
        if (now) onChanged(now);
      }
    } finally {
      setBusy(false);
    }
  };
  const forward = order.nextStatuses.filter((s) => s !== 'cancelled');
  const canCancel = order.nextStatuses.includes('cancelled');
  if (!forward.length && !canCancel) return null;
  return (
    <div className="order-moves" data-testid="order-moves">
      {confirming ? (
        <div className="order-confirm" role="group" aria-label={`Cancel order ${order.number}?`}>
          <span>Cancel {order.number}? The customer is told.</span>
          <button type="button" className="danger" disabled={busy} onClick={() => move('cancelled')}>Yes, cancel order</button>
          <button type="button" disabled={busy} onClick={() => setConfirming(false)}>Keep it</button>
        </div>
      ) : (
        <>
          {forward.map((s, i) => (
            <button key={s} type="button" className={i === 0 ? 'primary' : ''} disabled={busy} onClick={() => move(s)}>{moveLabel(s)}</button>
          ))}
          {canCancel && <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)}>Cancel…</button>}
        </>
      )}
      {error && <div className="hint error" role="alert">{error}</div>}
    </div>
  );
}

export const itemsText = (o: Order) => o.items.map((i) => `${i.quantity}× ${i.name}`).join(', ');

export function OrdersTable({ orders, onChanged }: { orders: Order[]; onChanged?: (o: Order) => void }) {
  return (
    <table className="table stack orders-table">
      <thead><tr><th>Order</th><th>Customer</th><th>Items</th><th>Total</th><th>Fulfilment</th><th>Status</th><th>Placed</th></tr></thead>
      <tbody>
        {orders.length === 0 && <tr><td colSpan={7} className="hint">No orders.</td></tr>}
        {orders.map((o) => (
          <tr key={o.id} data-order={o.number}>
            <td data-label="Order"><b>{o.number}</b></td>
            <td data-label="Customer">{o.contactName}<div className="hint mono">{o.phone && <a href={`tel:${o.phone}`}>{o.phone}</a>}</div></td>
            <td data-label="Items">{itemsText(o)}</td>
            <td data-label="Total">{naira(o.totalKobo)}</td>
            <td data-label="Fulfilment">{o.fulfilment}{o.zone ? ` · ${o.zone}` : ''}</td>
            <td data-label="Status">
              <StatusBadge status={o.status} />
              {onChanged && <OrderMoves order={o} onChanged={onChanged} />}
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
