import { useEffect, useState } from 'react';
import { broadcastsApi, type Recipient, RECIPIENT_FILTERS, RECIPIENTS_PAGE_SIZE, watTime } from '../../api/broadcasts';
import { errorMessage } from '../../api/http';
import { naira } from '../../api/money';
import { ErrorBox } from '../../components/util';
import { Link } from '../../router';
import { channelName } from '../contacts/labels';
import { RecipientStatusBadge, templateLanguageName } from './parts';

/** The latest thing that happened to a recipient, in WAT. */
function lastEvent(r: Recipient): string {
  const steps: [string | null | undefined, string][] = [
    [r.orderedAt, 'Ordered'], [r.repliedAt, 'Replied'], [r.readAt, 'Read'], [r.deliveredAt, 'Delivered'], [r.sentAt, 'Sent'], [r.queuedAt, 'Queued'],
  ];
  const found = steps.find(([at]) => at);
  return found ? `${found[1]} ${watTime(found[0])}` : '';
}

/** A broadcast's recipients: filtered by status, 100 a page, refreshed with the broadcast (`version`), and as CSV. */
export function RecipientsTable({ broadcastId, version }: { broadcastId: string; version: number }) {
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState<Recipient[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [retry, setRetry] = useState(0);
  useEffect(() => {
    let stale = false;
    broadcastsApi.recipients(broadcastId, status, page).then(
      (list) => { if (!stale) { setRows(list); setError(null); } },
      (e) => { if (!stale) setError(errorMessage(e)); },
    );
    return () => { stale = true; };
  }, [broadcastId, status, page, version, retry]);

  return (
    <section className="broadcast-recipients" aria-labelledby="recipients-title">
      <div className="page-head">
        <h2 id="recipients-title">Recipients</h2>
        <span className="spacer" />
        <label className="recipients-filter">
          <span aria-hidden="true">Show</span>
          <select aria-label="Show recipients" value={status} onChange={(e) => { setStatus(e.target.value); setPage(0); setRows(null); }}>
            {RECIPIENT_FILTERS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
          </select>
        </label>
        <a className="button" href={broadcastsApi.csvUrl(broadcastId)} download>Download CSV</a>
      </div>
      {error && <ErrorBox message={error} onRetry={() => setRetry((n) => n + 1)} />}
      {rows && (
        <table className="table stack">
          <thead><tr><th>Customer</th><th>Channel</th><th>Language</th><th>Status</th><th>Why</th><th>Last</th><th>Revenue</th></tr></thead>
          <tbody>
            {rows.length === 0 && <tr><td colSpan={7} className="hint">Nobody here{status ? ' with this status' : ' yet: recipients are written when sending starts'}.</td></tr>}
            {rows.map((r) => (
              <tr key={`${r.contactId}-${r.attempt}`} data-testid="recipient-row">
                <td data-label="Customer"><Link to={`/contacts/${encodeURIComponent(r.contactId)}`} className="mono">{r.address}</Link></td>
                <td data-label="Channel">{channelName(r.channel)}</td>
                <td data-label="Language">{r.templateLanguage ? templateLanguageName(r.templateLanguage) : templateLanguageName(r.language)}</td>
                <td data-label="Status"><RecipientStatusBadge status={r.status} /></td>
                <td data-label="Why">{r.reason || null}{r.errorCode ? <span className="hint"> (Meta {r.errorCode})</span> : null}{r.attempt > 0 ? <span className="hint"> · retry {r.attempt}</span> : null}</td>
                <td data-label="Last">{lastEvent(r) || null}</td>
                <td data-label="Revenue">{r.revenueKobo ? naira(r.revenueKobo) : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows && (page > 0 || rows.length === RECIPIENTS_PAGE_SIZE) && (
        <nav className="pager" aria-label="Recipient pages">
          <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>← Previous</button>
          <span>Page {page + 1}</span>
          <button type="button" disabled={rows.length < RECIPIENTS_PAGE_SIZE} onClick={() => setPage((p) => p + 1)}>Next →</button>
        </nav>
      )}
    </section>
  );
}
