import { useEffect, useRef, useState } from 'react';
import { type AudiencePreview, type Group, problemMessages, segmentsApi } from '../api/segments';
import { Link, navigate } from '../router';
import { shortDate } from './contacts/labels';
import { Guard, useLoad } from './load';
import { GroupEditor } from './segments/ConditionEditor';
import './segments/segments.css';

/** Route /segments: the saved audiences with their size now. */
export function SegmentsPage() {
  const [segments, reload] = useLoad(() => segmentsApi.list(), []);
  return (
    <div className="page segments-page">
      <div className="page-head">
        <h1>Segments</h1>
        <span className="spacer" />
        <Link to="/segments/new" className="button primary">New segment</Link>
      </div>
      <Guard load={segments} endpoint="GET /api/segments" reload={reload}>
        {(list) => (
          <table className="table stack">
            <thead><tr><th>Segment</th><th>Contacts now</th><th>Changed</th></tr></thead>
            <tbody>
              {list.length === 0 && <tr><td colSpan={3} className="hint">No segments yet: make one to choose who a broadcast or journey reaches.</td></tr>}
              {list.map((s) => (
                <tr key={s.id} data-testid="segment-row">
                  <td data-label="Segment"><Link to={`/segments/${encodeURIComponent(s.id)}`}>{s.name}</Link></td>
                  <td data-label="Contacts now" data-testid="segment-count">{s.count}</td>
                  <td data-label="Changed">{shortDate(s.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Guard>
    </div>
  );
}

const EMPTY: Group = { match: 'all', conditions: [] };

/** How many match while the filter is edited: asked a moment after the last change; a late answer never overwrites a newer one. */
function useLivePreview(filter: Group | null) {
  const [preview, setPreview] = useState<{ result?: AudiencePreview; errors?: string[]; pending: boolean }>({ pending: true });
  const asked = useRef(0);
  const key = JSON.stringify(filter);
  useEffect(() => {
    if (!filter) return undefined;
    const ticket = ++asked.current;
    setPreview((p) => ({ ...p, pending: true }));
    const timer = window.setTimeout(() => {
      segmentsApi.preview(filter).then(
        (result) => { if (ticket === asked.current) setPreview({ result, pending: false }); },
        (e) => { if (ticket === asked.current) setPreview({ errors: problemMessages(e), pending: false }); },
      );
    }, 300);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return preview;
}

function Preview({ filter }: { filter: Group | null }) {
  const { result, errors, pending } = useLivePreview(filter);
  return (
    <section className="segment-preview" aria-live="polite">
      {errors ? (
        <div className="banner error" data-testid="segment-errors">{errors.map((m) => <div key={m}>{m}</div>)}</div>
      ) : (
        <p className="segment-count">
          <b data-testid="segment-live-count" data-pending={pending ? 'true' : 'false'}>{result ? result.count : '…'}</b> {result?.count === 1 ? 'contact matches' : 'contacts match'}
          {pending && <span className="hint"> (counting…)</span>}
        </p>
      )}
      {result && result.sample.length > 0 && (
        <ul className="segment-sample" data-testid="segment-sample">
          {result.sample.map((m) => (
            <li key={m.id}><Link to={`/contacts/${encodeURIComponent(m.id)}`}>{m.name || m.key}</Link> <span className="hint">{m.language ?? 'en'} · {m.channel}</span></li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Routes /segments/new and /segments/:id: the filter builder with a live count, then save. */
export function SegmentEditorPage({ segmentId }: { segmentId?: string }) {
  const [fields, reloadFields] = useLoad(() => segmentsApi.fields(), []);
  const [name, setName] = useState('');
  const [filter, setFilter] = useState<Group | null>(segmentId ? null : EMPTY);
  // A new segment's page opens on its own address after the first save, and says it was saved.
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; messages: string[] } | null>(
    () => (new URLSearchParams(window.location.search).get('saved') ? { kind: 'info', messages: ['Saved.'] } : null));
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!segmentId) return;
    segmentsApi.get(segmentId).then((s) => { setName(s.name); setFilter(s.filter); }, (e) => setStatus({ kind: 'error', messages: problemMessages(e) }));
  }, [segmentId]);

  const save = async () => {
    if (!filter) return;
    setSaving(true);
    setStatus(null);
    try {
      const saved = segmentId ? await segmentsApi.update(segmentId, name, filter) : await segmentsApi.create(name, filter);
      if (!segmentId) navigate(`/segments/${encodeURIComponent(saved.id)}?saved=1`, { replace: true, force: true });
      else setStatus({ kind: 'info', messages: [`Saved “${saved.name}”.`] });
    } catch (e) {
      setStatus({ kind: 'error', messages: problemMessages(e) });
    } finally {
      setSaving(false);
    }
  };
  const remove = async () => {
    if (!segmentId || !window.confirm(`Delete the segment “${name}”? Contacts are not touched.`)) return;
    try {
      await segmentsApi.remove(segmentId);
      navigate('/segments', { force: true });
    } catch (e) {
      setStatus({ kind: 'error', messages: problemMessages(e) });
    }
  };

  return (
    <div className="page segment-editor">
      <div className="page-head">
        <Link to="/segments" className="back">← Segments</Link>
        <h1>{segmentId ? name || 'Segment' : 'New segment'}</h1>
      </div>
      <form className="segment-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <label className="field">
          <span>Name</span>
          <input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} placeholder="Lekki VIPs" />
        </label>
        <Guard load={fields} endpoint="GET /api/segments/fields" reload={reloadFields}>
          {(list) => (filter ? <GroupEditor group={filter} fields={list} path="" depth={0} onChange={setFilter} /> : null)}
        </Guard>
        <Preview filter={filter} />
        {status && <div role="status" className={`banner ${status.kind}`}>{status.messages.map((m) => <div key={m}>{m}</div>)}</div>}
        <div className="segment-actions">
          <button type="submit" className="primary" disabled={saving || !filter}>{saving ? 'Saving…' : 'Save segment'}</button>
          {segmentId && <button type="button" className="danger" onClick={remove}>Delete</button>}
        </div>
      </form>
    </div>
  );
}
