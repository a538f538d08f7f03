import { useEffect, useState } from 'react';
import { allowedMoves, type Broadcast, broadcastsApi, fieldErrors, isLive, progress, skipReasonLabel, watTime } from '../../api/broadcasts';
import { naira } from '../../api/money';
import { ErrorBox, Spinner } from '../../components/util';
import { Link, navigate } from '../../router';
import { Funnel } from './Funnel';
import { BroadcastStatusBadge, ProgressBar, templateLanguageName, whenLabel } from './parts';
import { RecipientsTable } from './RecipientsTable';
import './broadcasts.css';

/** How often the page looks again while the broadcast is scheduled or sending. */
const POLL_MS = 3000;

/** Route /broadcasts/:id: where a broadcast is, its funnel and recipients, and the moves its state allows. */
export function BroadcastDetailPage({ broadcastId }: { broadcastId: string }) {
  const [broadcast, setBroadcast] = useState<Broadcast | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [messages, setMessages] = useState<{ kind: 'info' | 'error'; text: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let stop = false;
    let timer: number | undefined;
    const look = () => {
      broadcastsApi.get(broadcastId).then(
        (b) => {
          if (stop) return;
          setBroadcast(b);
          setLoadError(null);
          setVersion((v) => v + 1);
          if (isLive(b.status, b.counts)) timer = window.setTimeout(look, POLL_MS);
        },
        (e) => { if (!stop) setLoadError(Object.values(fieldErrors(e)).flat().join(' ')); },
      );
    };
    look();
    return () => { stop = true; window.clearTimeout(timer); };
    // A move (pause, resume…) restarts the look-ups from the new state.
  }, [broadcastId, busy]);

  if (loadError && !broadcast) return <div className="page"><ErrorBox message={loadError} onRetry={() => setBusy((b) => !b)} /></div>;
  if (!broadcast) return <Spinner />;

  const b = broadcast;
  const moves = allowedMoves(b.status, b.counts);
  const p = progress(b.counts);
  const move = async (call: () => Promise<unknown>, done: (result: unknown) => string | null) => {
    setBusy(true);
    setMessages(null);
    try {
      const text = done(await call());
      if (text) setMessages({ kind: 'info', text: [text] });
    } catch (e) {
      setMessages({ kind: 'error', text: Object.values(fieldErrors(e)).flat() });
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!window.confirm(`Delete the draft “${b.name}”?`)) return;
    await move(() => broadcastsApi.remove(b.id), () => { navigate('/broadcasts', { force: true }); return null; });
  };
  const skipped = Object.entries(b.counts.skippedByReason);

  return (
    <div className="page broadcast-detail">
      <div className="page-head">
        <Link to="/broadcasts" className="back">← Broadcasts</Link>
        <h1>{b.name}</h1>
        <BroadcastStatusBadge status={b.status} />
      </div>
      {b.statusReason && <div className={`banner ${b.status === 'failed' || b.status === 'paused' ? 'warn' : 'info'}`} data-testid="broadcast-reason">{b.statusReason}</div>}
      {b.heldUntil && (
        <div className="banner info" data-testid="broadcast-held">Held until {watTime(b.heldUntil)}{b.heldReason ? ` (${b.heldReason.toLowerCase()})` : ''}: nothing is dropped, it waits.</div>
      )}
      {messages && <div role={messages.kind === 'error' ? 'alert' : 'status'} className={`banner ${messages.kind}`}>{messages.text.map((m) => <div key={m}>{m}</div>)}</div>}
      <section className="card broadcast-summary">
        <dl className="broadcast-facts">
          <div><dt>Template</dt><dd className="mono">{b.templateName}</dd></div>
          <div><dt>Fallback</dt><dd>{templateLanguageName(b.fallbackLanguage)}</dd></div>
          <div><dt>When</dt><dd>{whenLabel(b)}</dd></div>
          <div><dt>Cost so far</dt><dd data-testid="broadcast-cost">{naira(b.costKobo)}</dd></div>
        </dl>
        {b.status !== 'draft' && (p.total > 0
          ? <ProgressBar done={p.done} total={p.total} sent={b.counts.sent} />
          : <p className="hint" data-testid="broadcast-progress">Not started: who gets it is decided when sending starts (the segment as it is then).</p>)}
        {skipped.length > 0 && (
          <ul className="preflight-list" data-testid="broadcast-skipped">
            {skipped.map(([reason, n]) => <li key={reason}><b>{n}</b> skipped: {skipReasonLabel(reason)}</li>)}
          </ul>
        )}
        <div className="broadcast-actions">
          {b.status === 'draft' && <Link to={`/broadcasts/${encodeURIComponent(b.id)}/edit`} className="button primary">Edit draft</Link>}
          {moves.pause && <button type="button" disabled={busy} onClick={() => void move(() => broadcastsApi.pause(b.id), () => null)}>Pause</button>}
          {moves.resume && <button type="button" className="primary" disabled={busy} onClick={() => void move(() => broadcastsApi.resume(b.id), () => 'Resumed.')}>Resume</button>}
          {moves.retryFailed && (
            <button type="button" disabled={busy} onClick={() => void move(() => broadcastsApi.retryFailed(b.id), (r) => {
              const retried = (r as { retried: number }).retried;
              return retried > 0 ? `${retried} will be tried again.` : 'None of the failures is worth another try (only Meta’s per-user cap and passing errors are).';
            })}>Retry failed</button>
          )}
          {moves.cancel && b.status !== 'draft' && (
            <button type="button" className="danger" disabled={busy}
              onClick={() => { if (window.confirm(`Cancel “${b.name}”? Customers not reached yet will not get it.`)) void move(() => broadcastsApi.cancel(b.id), () => 'Cancelled.'); }}>Cancel broadcast</button>
          )}
          {b.status === 'draft' && <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>Delete draft</button>}
        </div>
      </section>
      {b.status !== 'draft' && <Funnel counts={b.counts} />}
      {b.status !== 'draft' && <RecipientsTable broadcastId={b.id} version={version} />}
    </div>
  );
}
