import { canManagePayments, useRole } from '../api/permissions';
import { useCallback, useEffect, useState } from 'react';
import {
  catalogApi, type CatalogItem, type Contact, contactsApi, type ImportResult, type Conversation, conversationsApi, type ConversationSummary,
  naira, openStream, type Order, ORDER_STATUSES, type OrderStatus, ordersApi, type PaymentReview, paymentsApi, type SalesStats, statsApi,
} from '../api/dashboard';
import { ApiError, errorMessage } from '../api/http';
import { download, ErrorBox, formatDate, pickFile, Spinner, Unavailable } from '../components/util';

type Load<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'missing' } | { state: 'error'; message: string };

/** Loads from a proposed endpoint; a 404 means the server does not have it yet. */
function useLoad<T>(call: () => Promise<T>, deps: unknown[]): [Load<T>, () => void, (f: (d: T) => T) => void] {
  const [state, setState] = useState<Load<T>>({ state: 'loading' });
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const reload = useCallback(() => {
    call().then(
      (data) => setState({ state: 'ready', data }),
      (e) => setState(e instanceof ApiError && e.status === 404 ? { state: 'missing' } : { state: 'error', message: errorMessage(e) }),
    );
  }, deps);
  useEffect(reload, [reload]);
  const update = useCallback((f: (d: T) => T) => setState((s) => (s.state === 'ready' ? { state: 'ready', data: f(s.data) } : s)), []);
  return [state, reload, update];
}

function Guard<T>({ load, endpoint, reload, children }: { load: Load<T>; endpoint: string; reload: () => void; children: (data: T) => React.ReactNode }) {
  if (load.state === 'loading') return <Spinner />;
  if (load.state === 'missing') return <Unavailable endpoint={endpoint} />;
  if (load.state === 'error') return <ErrorBox message={load.message} onRetry={reload} />;
  return <>{children(load.data)}</>;
}

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

function useLiveOrders(onOrder: (o: Order) => void) {
  const [connected, setConnected] = useState(false);
  useEffect(() => openStream((e) => {
    if (e.type === 'order.created' || e.type === 'order.updated') onOrder(e.data);
  }, setConnected), [onOrder]);
  return connected;
}

function OrdersTable({ orders, onStatus }: { orders: Order[]; onStatus?: (o: Order, s: OrderStatus) => void }) {
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

function upsert(list: Order[], order: Order): Order[] {
  const i = list.findIndex((o) => o.id === order.id);
  return i < 0 ? [order, ...list] : list.map((o) => (o.id === order.id ? order : o));
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

/** Route /payments */
export function PaymentsPage() {
  const role = useRole();
  if (!canManagePayments(role)) {
    return (
      <div className="page">
        <div className="page-head"><h1>Payment review</h1></div>
        <div className="banner info" data-testid="payments-denied">Payments are approved or rejected by the owner or an agent; your role ({role}) cannot decide them.</div>
      </div>
    );
  }
  return <PaymentsQueue />;
}

function PaymentsQueue() {
  const [queue, reload, update] = useLoad(() => paymentsApi.reviewQueue(), []);
  const [error, setError] = useState<string | null>(null);
  const decide = async (p: PaymentReview, approve: boolean) => {
    const reason = approve ? '' : window.prompt('Why is this payment rejected? (the customer is told)') ?? null;
    if (reason === null) return;
    try {
      if (approve) await paymentsApi.approve(p.id);
      else await paymentsApi.reject(p.id, reason);
      update((list) => list.filter((x) => x.id !== p.id));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className="page">
      <div className="page-head"><h1>Payment review</h1></div>
      {error && <ErrorBox message={error} />}
      <Guard load={queue} endpoint="GET /api/payments/review" reload={reload}>
        {(list) => (
          <table className="table stack">
            <thead><tr><th>Order</th><th>Customer</th><th>Paid</th><th>Expected</th><th>Reference</th><th>Match</th><th>Submitted</th><th /></tr></thead>
            <tbody>
              {list.length === 0 && <tr><td colSpan={8} className="hint">Nothing to review.</td></tr>}
              {list.map((p) => (
                <tr key={p.id}>
                  <td data-label="Order"><b>{p.orderNumber}</b></td>
                  <td data-label="Customer">{p.contactName}<div className="hint mono">{p.phone}</div></td>
                  <td data-label="Paid" className={p.amountKobo < p.expectedKobo ? 'error' : ''}>{naira(p.amountKobo)}</td>
                  <td data-label="Expected">{naira(p.expectedKobo)}</td>
                  <td data-label="Reference">{p.reference}{p.receiptUrl && <> · <a href={p.receiptUrl} target="_blank" rel="noreferrer">receipt</a></>}</td>
                  <td data-label="Match" data-testid="payment-match">
                    {p.score != null ? <b>{Math.round(p.score * 100)}%</b> : <span className="hint">no receipt</span>}
                    {p.verdict && <div className="hint">{p.verdict.replace(/_/g, ' ')}</div>}
                    {(p.reasons ?? []).map((r) => <div key={r} className="hint">{r}</div>)}
                  </td>
                  <td data-label="Submitted">{formatDate(p.submittedAt)}</td>
                  <td className="actions">
                    <button type="button" className="primary" onClick={() => decide(p, true)}>Approve</button>
                    <button type="button" className="danger" onClick={() => decide(p, false)}>Reject</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Guard>
    </div>
  );
}

/** Route /inbox */
export function InboxPage() {
  const [list, reload] = useLoad(() => conversationsApi.list(), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [chat, setChat] = useState<Conversation | null>(null);
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = useCallback((id: string) => {
    setSelected(id);
    conversationsApi.get(id).then(setChat, (e) => setError(errorMessage(e)));
  }, []);
  const act = async (call: () => Promise<unknown>) => {
    try {
      await call();
      if (selected) open(selected);
      reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className="page">
      <div className="page-head"><h1>Inbox</h1></div>
      {error && <ErrorBox message={error} />}
      <Guard load={list} endpoint="GET /api/conversations" reload={reload}>
        {(items: ConversationSummary[]) => (
          <div className="inbox">
            <ul className="conversations">
              {items.map((c) => (
                <li key={c.contactId} className={c.contactId === selected ? 'active' : ''} onClick={() => open(c.contactId)}>
                  <b>{c.contactName || c.phone}</b> {c.handledBy === 'human' && <span className="badge warn">you</span>} {c.unread > 0 && <span className="badge">{c.unread}</span>}
                  <div className="hint clamp">{c.lastMessage}</div>
                </li>
              ))}
            </ul>
            <div className="chat">
              {!chat && <p className="hint">Pick a conversation.</p>}
              {chat && (
                <>
                  <div className="chat-head">
                    <b>{chat.contactName}</b> <span className="mono hint">{chat.phone} · {chat.language}</span>
                    <span className="spacer" />
                    {chat.handledBy === 'agent'
                      ? <button type="button" onClick={() => act(() => conversationsApi.takeOver(chat.contactId))}>Take over</button>
                      : <button type="button" onClick={() => act(() => conversationsApi.release(chat.contactId))}>Hand back to agent</button>}
                  </div>
                  <div className="messages">
                    {chat.messages.map((m) => <div key={m.id} className={`msg ${m.direction} ${m.author}`}>{m.text}<span className="hint">{formatDate(m.sentAt)}</span></div>)}
                  </div>
                  <form className="reply" onSubmit={(e) => { e.preventDefault(); if (reply.trim()) void act(() => conversationsApi.reply(chat.contactId, reply.trim())).then(() => setReply('')); }}>
                    <input value={reply} onChange={(e) => setReply(e.target.value)} placeholder={chat.handledBy === 'human' ? 'Reply as the business' : 'Take over to reply'} disabled={chat.handledBy !== 'human'} />
                    <button type="submit" className="primary" disabled={chat.handledBy !== 'human'}>Send</button>
                  </form>
                </>
              )}
            </div>
          </div>
        )}
      </Guard>
    </div>
  );
}

/** The CSV upload's progress, then what was imported and every refused line with its reason. */
function ImportProgress({ sent, result }: { sent: number; result: ImportResult | null }) {
  const percent = Math.round(sent * 100);
  return (
    <div className="banner info" data-testid="import-progress">
      <progress max={100} value={percent} /> <span>Uploaded {percent}%{result ? '' : sent >= 1 ? ' — checking the rows…' : ''}</span>
      {result && (
        <div data-testid="import-result">
          Imported {result.imported}, updated {result.updated}; {result.errors.length} line(s) refused.
          {result.errors.length > 0 && (
            <table className="table" data-testid="import-errors">
              <thead><tr><th>Line</th><th>Why it was refused</th></tr></thead>
              <tbody>{result.errors.map((e) => <tr key={e.line}><td>{e.line}</td><td>{e.message}</td></tr>)}</tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}

/** Route /contacts */
export function ContactsPage() {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [contacts, reload, update] = useLoad(() => contactsApi.search(query), [query]);
  const [message, setMessage] = useState<string | null>(null);
  const remove = async (c: Contact) => {
    if (!window.confirm(`Delete ${c.name || c.phone} and all their data? This cannot be undone.`)) return;
    try {
      await contactsApi.remove(c.id);
      update((list) => list.filter((x) => x.id !== c.id));
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };
  const [upload, setUpload] = useState<{ sent: number; result: ImportResult | null } | null>(null);
  const importCsv = async () => {
    const csv = await pickFile('.csv,text/csv');
    if (!csv) return;
    setMessage(null);
    setUpload({ sent: 0, result: null });
    try {
      const result = await contactsApi.importCsv(csv, (sent) => setUpload((u) => (u && !u.result ? { ...u, sent } : u)));
      setUpload({ sent: 1, result });
      reload();
    } catch (e) {
      setUpload(null);
      setMessage(errorMessage(e));
    }
  };
  return (
    <div className="page">
      <div className="page-head">
        <h1>Contacts</h1>
        <span className="spacer" />
        <form onSubmit={(e) => { e.preventDefault(); setQuery(q); }}><input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search name or phone" /></form>
        <button type="button" onClick={importCsv}>Import CSV</button>
      </div>
      {message && <div className="banner info">{message}</div>}
      {upload && <ImportProgress sent={upload.sent} result={upload.result} />}
      <Guard load={contacts} endpoint="GET /api/contacts?q=" reload={reload}>
        {(list) => (
          <table className="table stack">
            <thead><tr><th>Name</th><th>Phone</th><th>Language</th><th>Marketing</th><th>Orders</th><th>Since</th><th /></tr></thead>
            <tbody>
              {list.length === 0 && <tr><td colSpan={7} className="hint">No contacts.</td></tr>}
              {list.map((c) => (
                <tr key={c.id}>
                  <td data-label="Name">{c.name}</td>
                  <td data-label="Phone" className="mono">{c.phone}</td>
                  <td data-label="Language">{c.language}</td>
                  <td data-label="Marketing">{c.marketingOptIn ? 'opted in' : <span className="hint">opted out</span>}</td>
                  <td data-label="Orders">{c.orderCount}</td>
                  <td data-label="Since">{formatDate(c.createdAt)}</td>
                  <td className="actions">
                    <a href={contactsApi.exportUrl(c.id)} download>Export data</a>
                    <button type="button" className="link danger" onClick={() => remove(c)}>Delete</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Guard>
    </div>
  );
}

/** Route /catalog */
export function CatalogPage() {
  const [items, reload] = useLoad(() => catalogApi.list(), []);
  return (
    <div className="page">
      <div className="page-head">
        <h1>Catalog</h1>
        <span className="spacer" />
        {items.state === 'ready' && <button type="button" onClick={() => download('catalog.json', JSON.stringify(items.data, null, 2))}>Export</button>}
      </div>
      <Guard load={items} endpoint="GET /api/catalog" reload={reload}>
        {(list: CatalogItem[]) => (
          <table className="table stack">
            <thead><tr><th>SKU</th><th>Name</th><th>Category</th><th>Price</th><th>Stock</th><th>Available</th></tr></thead>
            <tbody>
              {list.map((i) => (
                <tr key={i.sku}>
                  <td data-label="SKU" className="mono">{i.sku}</td><td data-label="Name">{i.name}</td><td data-label="Category">{i.category}</td><td data-label="Price">{naira(i.priceKobo)}</td>
                  <td data-label="Stock">{i.stock ?? '—'}</td><td data-label="Available">{i.available ? 'yes' : <span className="badge warn">no</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Guard>
    </div>
  );
}
