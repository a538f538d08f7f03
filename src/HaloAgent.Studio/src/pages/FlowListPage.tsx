import { useCallback, useEffect, useState } from 'react';
import { useDevTools } from '../api/devTools';
import { flowsApi } from '../api/flows';
import { ApiError, errorMessage } from '../api/http';
import type { FlowDefinition, FlowSummary, ValidationError } from '../api/types';
import { ErrorBox, formatDate, parseLenientJson, pickFile, Spinner } from '../components/util';
import { Link } from '../router';
import { NewFlowForm } from './NewFlowForm';

export function FlowListPage() {
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ text: string; errors: ValidationError[] } | null>(null);
  const [creating, setCreating] = useState(false);
  const devTools = useDevTools();

  const load = useCallback(() => {
    setError(null);
    // Test runs' sandbox copies live in a tenant of their own on the server, so the list never includes them.
    flowsApi.list().then(setFlows, (e) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  const importFlow = async (publish: boolean) => {
    const text = await pickFile('.json,application/json');
    if (!text) return;
    setFailure(null);
    setMessage(null);
    try {
      const doc = parseLenientJson(text) as FlowDefinition;
      const info = await flowsApi.import(doc, publish);
      setMessage(`Imported “${doc.id}” as version ${info.version} (${info.status}).`);
      load();
    } catch (e) {
      // A flow that fails validation is listed error by error (node, field, what is wrong) instead of one long sentence.
      const errors = e instanceof ApiError ? e.validationErrors : [];
      setFailure({ text: errors.length ? `Import failed: the flow is not valid (${errors.length} ${errors.length === 1 ? 'error' : 'errors'}); nothing was imported.` : `Import failed: ${errorMessage(e)}`, errors });
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>Flows</h1>
        <span className="spacer" />
        <button type="button" onClick={() => importFlow(false)}>Import JSON as draft</button>
        <button type="button" onClick={() => importFlow(true)}>Import and publish</button>
        <button type="button" className="primary" onClick={() => setCreating((c) => !c)}>New flow</button>
      </div>
      {creating && <NewFlowForm taken={new Set(flows?.map((f) => f.id) ?? [])} onError={setMessage} />}
      {message && <div className="banner info">{message} <button type="button" className="icon" onClick={() => setMessage(null)}>✕</button></div>}
      {failure && (
        <div className="banner error" role="alert">
          {failure.text} <button type="button" className="icon" onClick={() => setFailure(null)}>✕</button>
          {failure.errors.length > 0 && (
            <ul className="import-errors">
              {failure.errors.map((v, i) => (
                <li key={i}>{v.nodeId && <code>{v.nodeId}</code>}{v.nodeId && v.field && ' · '}{v.field}{(v.nodeId || v.field) && ': '}{v.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && <ErrorBox message={error} onRetry={load} />}
      {!flows && !error && <Spinner />}
      {flows && (
        <table className="table flow-list">
          <thead>
            <tr><th>Flow</th><th>Active</th><th>Latest</th><th>Updated</th><th /></tr>
          </thead>
          <tbody>
            {flows.map((f) => (
              <tr key={f.id}>
                <td>
                  <Link to={`/studio/flows/${encodeURIComponent(f.id)}`}><b>{f.name}</b></Link> <code className="hint">{f.id}</code>
                  {f.description && <div className="hint clamp">{f.description}</div>}
                </td>
                <td>{f.activeVersion != null ? <span className="badge status-published">v{f.activeVersion}</span> : <span className="badge warn">none</span>}</td>
                <td>v{f.latestVersion} {f.hasDraft && <span className="badge status-draft">draft</span>}</td>
                <td>{formatDate(f.updatedAt)}</td>
                <td className="actions">
                  <Link to={`/studio/flows/${encodeURIComponent(f.id)}`}>Edit</Link>
                  <Link to={`/studio/instances?flowId=${encodeURIComponent(f.id)}`}>Instances</Link>
                  <a href={flowsApi.exportUrl(f.id)} download>Export</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {devTools?.enabled && <p className="hint">Developer: <Link to="/studio/dev/perf">designer performance check (200 nodes)</Link></p>}
    </div>
  );
}
