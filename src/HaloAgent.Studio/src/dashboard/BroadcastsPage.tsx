import { broadcastsApi, progress } from '../api/broadcasts';
import { Link } from '../router';
import { BroadcastStatusBadge, ProgressBar, whenLabel } from './broadcasts/parts';
import { Guard, useLoad } from './load';
import './broadcasts/broadcasts.css';

/** Route /broadcasts: the business's broadcasts, newest first, with how far each got. */
export function BroadcastsPage() {
  const [broadcasts, reload] = useLoad(() => broadcastsApi.list(), []);
  return (
    <div className="page broadcasts-page">
      <div className="page-head">
        <h1>Broadcasts</h1>
        <span className="spacer" />
        <Link to="/broadcasts/new" className="button primary">New broadcast</Link>
      </div>
      <Guard load={broadcasts} endpoint="GET /api/broadcasts" reload={reload}>
        {(list) => (
          <table className="table stack">
            <thead><tr><th>Broadcast</th><th>Status</th><th>Template</th><th>When</th><th>Progress</th></tr></thead>
            <tbody>
              {list.length === 0 && <tr><td colSpan={5} className="hint">No broadcasts yet: send an approved template to a segment.</td></tr>}
              {list.map((b) => {
                const p = progress(b.counts);
                return (
                  <tr key={b.id} data-testid="broadcast-row">
                    <td data-label="Broadcast"><Link to={`/broadcasts/${encodeURIComponent(b.id)}`}>{b.name}</Link></td>
                    <td data-label="Status"><BroadcastStatusBadge status={b.status} /></td>
                    <td data-label="Template" className="mono">{b.templateName}</td>
                    <td data-label="When">{whenLabel(b)}</td>
                    <td data-label="Progress" className="broadcast-progress-cell">
                      {p.total === 0 ? <span className="hint">{b.status === 'draft' ? 'Not sent' : 'Not started'}</span> : <ProgressBar done={p.done} total={p.total} sent={b.counts.sent} />}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Guard>
    </div>
  );
}
