import { useEffect, useState } from 'react';
import { flowsApi } from '../api/flows';
import { errorMessage } from '../api/http';
import { instancesApi, type InstanceQuery } from '../api/instances';
import type { FlowSummary, InstanceStatus, InstanceSummary } from '../api/types';
import { ErrorBox, formatDate, Spinner } from '../components/util';
import { Link, navigate, useLocation } from '../router';

const STATUSES: InstanceStatus[] = ['Running', 'Waiting', 'Faulted', 'Completed', 'Cancelled'];
const PAGE = 50;

function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Route /studio/instances — filters live in the query string so a filtered list is a link. */
export function InstancesPage() {
  const { search, path } = useLocation();
  const filters = {
    flowId: search.get('flowId') ?? '',
    version: search.get('version') ?? '',
    status: search.get('status') ?? '',
    correlationKey: search.get('correlationKey') ?? '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    skip: Number(search.get('skip') ?? 0),
  };
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  const [rows, setRows] = useState<InstanceSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [contact, setContact] = useState(filters.correlationKey);
  const key = JSON.stringify(filters);

  useEffect(() => {
    flowsApi.list().then(setFlows, () => {});
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setRows(null);
    setError(null);
    const query: InstanceQuery = {
      flowId: filters.flowId || undefined,
      version: filters.version ? Number(filters.version) : undefined,
      status: (filters.status as InstanceStatus) || undefined,
      correlationKey: filters.correlationKey || undefined,
      from: toIso(filters.from),
      to: toIso(filters.to),
      skip: filters.skip || undefined,
      take: PAGE,
    };
    instancesApi.list(query, controller.signal).then(setRows, (e) => !controller.signal.aborted && setError(errorMessage(e)));
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const setFilter = (patch: Partial<Record<keyof typeof filters, string | number>>) => {
    const next = new URLSearchParams();
    const merged = { ...filters, skip: 0, ...patch };
    for (const [k, v] of Object.entries(merged)) if (v !== '' && v !== 0 && v !== undefined) next.set(k, String(v));
    navigate(`${path}${next.toString() ? `?${next}` : ''}`, { replace: true });
  };

  const selectedFlow = flows.find((f) => f.id === filters.flowId);
  return (
    <div className="page">
      <div className="page-head"><h1>Instances</h1></div>
      <div className="filters card">
        <label>Flow
          <select value={filters.flowId} onChange={(e) => setFilter({ flowId: e.target.value, version: '' })}>
            <option value="">all</option>
            {flows.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
          </select>
        </label>
        <label>Version
          <select value={filters.version} onChange={(e) => setFilter({ version: e.target.value })} disabled={!selectedFlow}>
            <option value="">all</option>
            {selectedFlow && Array.from({ length: selectedFlow.latestVersion }, (_, i) => i + 1).map((v) => <option key={v} value={v}>v{v}</option>)}
          </select>
        </label>
        <label>Status
          <select value={filters.status} onChange={(e) => setFilter({ status: e.target.value })}>
            <option value="">all</option>
            {STATUSES.map((s) => <option key={s}>{s}</option>)}
          </select>
        </label>
        <label>Contact
          <input value={contact} placeholder="correlation key, e.g. 2348030000001" onChange={(e) => setContact(e.target.value)} onBlur={() => contact !== filters.correlationKey && setFilter({ correlationKey: contact.trim() })} onKeyDown={(e) => e.key === 'Enter' && setFilter({ correlationKey: contact.trim() })} />
        </label>
        <label>From<input type="datetime-local" value={filters.from} onChange={(e) => setFilter({ from: e.target.value })} /></label>
        <label>To<input type="datetime-local" value={filters.to} onChange={(e) => setFilter({ to: e.target.value })} /></label>
        <button type="button" onClick={() => navigate(path, { replace: true })}>Clear</button>
      </div>
      {error && <ErrorBox message={error} />}
      {!rows && !error && <Spinner />}
      {rows && (
        <>
          <table className="table">
            <thead>
              <tr><th>Instance</th><th>Flow</th><th>Status</th><th>Contact</th><th>At node</th><th>Created</th><th>Updated</th></tr>
            </thead>
            <tbody>
              {rows.length === 0 && <tr><td colSpan={7} className="hint">No instances match.</td></tr>}
              {rows.map((r) => (
                <tr key={r.id} className="clickable" onClick={() => navigate(`/studio/instances/${r.id}`)}>
                  <td><Link to={`/studio/instances/${r.id}`} className="mono">{r.id.slice(0, 12)}…</Link></td>
                  <td>{r.flowId} <span className="hint">v{r.version}</span></td>
                  <td><span className={`badge status-${r.status.toLowerCase()}`}>{r.status}</span></td>
                  <td className="mono">{r.correlationKey}</td>
                  <td className="mono">{r.currentNodeId}{r.wakeAt && <div className="hint">wakes {formatDate(r.wakeAt)}</div>}</td>
                  <td>{formatDate(r.createdAt)}</td>
                  <td>{formatDate(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" disabled={filters.skip === 0} onClick={() => setFilter({ skip: Math.max(0, filters.skip - PAGE) })}>← Newer</button>
            <span className="hint">{filters.skip + 1}–{filters.skip + rows.length}</span>
            <button type="button" disabled={rows.length < PAGE} onClick={() => setFilter({ skip: filters.skip + PAGE })}>Older →</button>
          </div>
        </>
      )}
    </div>
  );
}
