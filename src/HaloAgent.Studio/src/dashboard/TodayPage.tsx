import { useCallback, useState } from 'react';
import { type ConversationSummary, conversationsApi, isToPrepare, naira, type Order, ordersApi, type PaymentReview, paymentsApi, type SalesStats, statsApi, statusLabel } from '../api/dashboard';
import { errorMessage } from '../api/http';
import { canManagePayments, useRole } from '../api/permissions';
import { Link } from '../router';
import { Guard, useLoad } from './load';
import { itemsText, OrderMoves, StatusBadge, upsert, useStream } from './orders';
import { SalesChart } from './SalesChart';
import './today.css';

const byId = <T extends { id: string }>(list: T[], item: T) => {
  const i = list.findIndex((x) => x.id === item.id);
  return i < 0 ? [...list, item] : list.map((x) => (x.id === item.id ? item : x));
};

/** Route /: what needs the owner now, phone first, and how today sells. */
export function TodayPage() {
  const canAct = canManagePayments(useRole());
  const [days, setDays] = useState(14);
  const [week, reloadWeek] = useLoad(() => statsApi.sales(8), []);
  const [stats, reloadStats] = useLoad(() => statsApi.sales(days), [days]);
  const [orders, reloadOrders, updateOrders] = useLoad(() => ordersApi.list(), []);
  const [reviews, reloadReviews, updateReviews] = useLoad(() => paymentsApi.reviewQueue(), []);
  const [chats, reloadChats, updateChats] = useLoad(() => conversationsApi.list(), []);

  const salesChanged = useCallback(() => {
    reloadWeek();
    reloadStats();
  }, [reloadWeek, reloadStats]);
  const orderChanged = useCallback((o: Order) => {
    updateOrders((list) => upsert(list, o));
    salesChanged();
  }, [updateOrders, salesChanged]);
  const live = useStream((e) => {
    if (e.type === 'order.created' || e.type === 'order.updated') orderChanged(e.data);
    else if (e.type === 'payment.review') updateReviews((list) => byId(list, e.data));
    else if (e.type === 'conversation.updated') updateChats((list) => [e.data, ...list.filter((c) => c.contactId !== e.data.contactId)]);
  });

  const [notice, setNotice] = useState<string | null>(null);
  const moved = useCallback((o: Order) => {
    orderChanged(o);
    setNotice(`${o.number} is now ${statusLabel(o.status).toLowerCase()}; ${o.contactName} is told.`);
  }, [orderChanged]);

  const decided = (p: PaymentReview) => {
    updateReviews((list) => list.filter((x) => x.id !== p.id));
    // The order became paid: show it among the orders to prepare now rather than when the stream catches up.
    reloadOrders();
    salesChanged();
  };

  return (
    <div className="page today">
      <div className="page-head">
        <h1>Today</h1> <span className={`badge ${live ? 'ok' : 'muted'}`}>{live ? 'live' : 'not live'}</span>
      </div>
      <Guard load={week} endpoint="GET /api/stats/sales?days=8" reload={reloadWeek}>{(s) => <SalesToday stats={s} />}</Guard>

      <section className="today-section" aria-labelledby="today-waiting">
        <h2 id="today-waiting">Customers waiting for you</h2>
        <Guard load={chats} endpoint="GET /api/conversations" reload={reloadChats}>{(list) => <Waiting list={list} />}</Guard>
      </section>

      <section className="today-section" aria-labelledby="today-receipts">
        <h2 id="today-receipts">Receipts to review</h2>
        <Guard load={reviews} endpoint="GET /api/payments/review" reload={reloadReviews}>
          {(list) => (list.length === 0
            ? <p className="hint today-empty">No receipts waiting.</p>
            : <div className="today-list">{list.map((p) => <ReceiptCard key={p.id} payment={p} canAct={canAct} onDecided={decided} />)}</div>)}
        </Guard>
      </section>

      <section className="today-section" aria-labelledby="today-prepare">
        <h2 id="today-prepare">Orders to prepare</h2>
        {notice && <div className="banner success" role="status" data-testid="order-notice"><span>{notice}</span><button type="button" className="link" onClick={() => setNotice(null)}>OK</button></div>}
        <Guard load={orders} endpoint="GET /api/orders" reload={reloadOrders}>{(list) => <ToPrepare orders={list} onChanged={canAct ? moved : undefined} />}</Guard>
      </section>

      <section className="today-section" aria-labelledby="today-sales">
        <div className="page-head">
          <h2 id="today-sales">Sales</h2>
          <span className="spacer" />
          <select aria-label="Period" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {[7, 14, 30, 90].map((d) => <option key={d} value={d}>Last {d} days</option>)}
          </select>
        </div>
        <Guard load={stats} endpoint="GET /api/stats/sales?days=" reload={reloadStats}>{(s) => <SalesChart stats={s} />}</Guard>
      </section>
    </div>
  );
}

function weekday(date: string) {
  return new Date(`${date}T12:00:00`).toLocaleDateString('en-NG', { weekday: 'long' });
}

/** Today's paid sales against the same weekday a week ago (the first of the eight days asked for). */
function SalesToday({ stats }: { stats: SalesStats }) {
  const today = stats.points[stats.points.length - 1];
  const before = stats.points.length >= 8 ? stats.points[stats.points.length - 8] : undefined;
  if (!today) return null;
  let change = '';
  if (before && before.revenueKobo > 0) {
    const pct = Math.round(((today.revenueKobo - before.revenueKobo) / before.revenueKobo) * 100);
    change = pct === 0 ? ' · same' : pct > 0 ? ` · up ${pct}%` : ` · down ${-pct}%`;
  }
  return (
    <div className="card today-sales" data-testid="sales-today">
      <div>
        <label>Sales today (paid)</label>
        <b data-testid="sales-today-amount" data-kobo={today.revenueKobo}>{naira(today.revenueKobo)}</b>
        <span className="hint">{today.orders} paid {today.orders === 1 ? 'order' : 'orders'}</span>
      </div>
      {before && (
        <div className="hint" data-testid="sales-last-week">
          {naira(before.revenueKobo)} last {weekday(before.date)}{change}
        </div>
      )}
    </div>
  );
}

function Waiting({ list }: { list: ConversationSummary[] }) {
  const waiting = list.filter((c) => c.handledBy === 'human');
  if (waiting.length === 0) return <p className="hint today-empty">Nobody is waiting for a person.</p>;
  return (
    <div className="today-list">
      {waiting.map((c) => (
        <Link key={c.contactId} to={`/inbox?contact=${encodeURIComponent(c.contactId)}`} className="card today-card today-chat" data-testid="waiting-customer">
          <div className="today-card-head">
            <b>{c.contactName}</b>
            {c.unread > 0 && <span className="badge warn">{c.unread} new</span>}
          </div>
          {c.phone && <div className="hint mono">{c.phone}</div>}
          <div className="today-last">{c.lastMessage}</div>
        </Link>
      ))}
    </div>
  );
}

function ReceiptCard({ payment, canAct, onDecided }: { payment: PaymentReview; canAct: boolean; onDecided: (p: PaymentReview) => void }) {
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (approve: boolean) => {
    setBusy(true);
    setError(null);
    try {
      if (approve) await paymentsApi.approve(payment.id);
      else await paymentsApi.reject(payment.id, reason.trim());
      onDecided(payment);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  const short = payment.amountKobo < payment.expectedKobo;
  return (
    <div className="card today-card" data-testid="receipt" data-order={payment.orderNumber}>
      <div className="today-card-head">
        <b>{payment.contactName}</b>
        <span className="hint">{payment.orderNumber}</span>
      </div>
      {payment.phone && <a className="hint mono" href={`tel:${payment.phone}`}>{payment.phone}</a>}
      <div className={short ? 'error' : ''}>
        Paid {naira(payment.amountKobo)} of {naira(payment.expectedKobo)}
        {payment.score != null && <span className="hint"> · {Math.round(payment.score * 100)}% match</span>}
      </div>
      {payment.receiptUrl && <a href={payment.receiptUrl} target="_blank" rel="noreferrer">See the receipt</a>}
      {canAct && (rejecting ? (
        <form className="today-actions" onSubmit={(e) => { e.preventDefault(); void act(false); }}>
          <input aria-label="Why (the customer is told)" placeholder="Why? The customer is told" value={reason} onChange={(e) => setReason(e.target.value)} required />
          <button type="submit" className="danger" disabled={busy || !reason.trim()}>Reject payment</button>
          <button type="button" disabled={busy} onClick={() => setRejecting(false)}>Back</button>
        </form>
      ) : (
        <div className="today-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => act(true)}>Approve</button>
          <button type="button" className="danger" disabled={busy} onClick={() => setRejecting(true)}>Reject…</button>
        </div>
      ))}
      {error && <div className="hint error" role="alert">{error}</div>}
    </div>
  );
}

function ToPrepare({ orders, onChanged }: { orders: Order[]; onChanged?: (o: Order) => void }) {
  // Oldest first: the kitchen works in the order customers paid.
  const list = orders.filter(isToPrepare).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (list.length === 0) return <p className="hint today-empty">Nothing to prepare.</p>;
  return (
    <div className="today-list">
      {list.map((o) => (
        <div key={o.id} className="card today-card" data-testid="prepare-order" data-order={o.number}>
          <div className="today-card-head">
            <b>{o.number}</b>
            <StatusBadge status={o.status} />
          </div>
          <div><b>{o.contactName}</b>{o.phone && <> · <a className="mono" href={`tel:${o.phone}`}>{o.phone}</a></>}</div>
          <div>{itemsText(o)}</div>
          <div className="hint">
            {naira(o.totalKobo)} · {o.fulfilment === 'delivery' ? `Delivery${o.zone ? ` to ${o.zone}` : ''}${o.address ? `, ${o.address}` : ''}` : 'Pickup'}
          </div>
          {onChanged && <OrderMoves order={o} onChanged={onChanged} />}
        </div>
      ))}
    </div>
  );
}
