import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { flowsApi } from '../api/flows';
import { errorMessage } from '../api/http';
import { instancesApi } from '../api/instances';
import type { FlowDefinition, FlowVersionInfo, InstanceDetails, Json } from '../api/types';
import { ErrorBox, formatDate, Spinner } from '../components/util';
import { CanvasContext, type CanvasContextValue, type NodeRunState } from '../designer/context';
import { nodeTypes } from '../designer/FlowNode';
import { createKeyedStore } from '../designer/keyedStore';
import { useActivities } from '../designer/useActivities';
import { flowToGraph } from '../flow/convert';
import { createGeometryDecorator } from '../flow/geometry';
import type { ActivityNode, DescriptorMap, FlowEdge } from '../flow/model';
import { pathFromJournal } from '../flow/path';
import { Link } from '../router';
import { StepPanel } from './StepPanel';
import './instance.css';

function JsonView({ value }: { value: Json | undefined }) {
  if (value === undefined) return <span className="hint">—</span>;
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

function PathCanvas({ definition, details, descriptors, onNodeClick }: { definition: FlowDefinition; details: InstanceDetails; descriptors: DescriptorMap; onNodeClick: (id: string) => void }) {
  const runState = useMemo(() => createKeyedStore<NodeRunState>(), []);
  const path = useMemo(() => pathFromJournal(details.journal, details.summary), [details]);
  useEffect(() => runState.set(path.states), [path, runState]);
  const graph = useMemo(() => {
    const g = flowToGraph(definition, descriptors);
    return {
      nodes: createGeometryDecorator(descriptors)(g.nodes).map((n) => ({ ...n, draggable: false, connectable: false })),
      edges: g.edges.map((e) => (path.edges.has(e.id) ? { ...e, className: 'taken', animated: true, zIndex: 1 } : { ...e, className: 'not-taken' })),
    };
  }, [definition, descriptors, path]);
  const context = useMemo<CanvasContextValue>(() => ({ descriptors, errors: null, runState, readOnly: true }), [descriptors, runState]);
  return (
    <CanvasContext.Provider value={context}>
      <ReactFlow<ActivityNode, FlowEdge>
        nodes={graph.nodes}
        edges={graph.edges}
        nodeTypes={nodeTypes}
        nodesConnectable={false}
        nodesDraggable={false}
        elementsSelectable={false}
        onNodeClick={(_, node) => onNodeClick(node.id)}
        onlyRenderVisibleElements
        defaultEdgeOptions={{ type: 'smoothstep' }}
        minZoom={0.05}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
      >
        <Background gap={24} />
        <MiniMap pannable zoomable nodeColor={(n) => ({ visited: '#22c55e', current: '#3b82f6', waiting: '#3b82f6', faulted: '#ef4444' } as Record<string, string>)[path.states[n.id] ?? ''] ?? '#cbd5e1'} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </CanvasContext.Provider>
  );
}

function MigrateForm({ details, onDone }: { details: InstanceDetails; onDone: (message: string) => void }) {
  const flowId = details.summary.flowId;
  const [versions, setVersions] = useState<FlowVersionInfo[]>([]);
  const [version, setVersion] = useState<number | null>(null);
  const [nodes, setNodes] = useState<{ id: string; label: string }[]>([]);
  const [nodeId, setNodeId] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    flowsApi.versions(flowId).then((v) => {
      const published = v.filter((x) => x.status === 'Published');
      setVersions(published);
      setVersion(published.find((x) => x.version !== details.summary.version)?.version ?? published[0]?.version ?? null);
    }, (e) => setError(errorMessage(e)));
  }, [flowId, details.summary.version]);

  useEffect(() => {
    if (version === null) return;
    flowsApi.version(flowId, version).then((doc) => {
      const candidates = (doc.definition.nodes ?? []).filter((n) => n.type !== 'Start').map((n) => ({ id: n.id, label: n.label ? `${n.id} — ${n.label}` : `${n.id} (${n.type})` }));
      setNodes(candidates);
      const current = details.summary.currentNodeId;
      setNodeId(candidates.some((c) => c.id === current) ? current! : candidates[0]?.id ?? '');
    }, (e) => setError(errorMessage(e)));
  }, [flowId, version, details.summary.currentNodeId]);

  const submit = async () => {
    if (version === null || !nodeId) return;
    if (!window.confirm(`Move this instance to version ${version}, continuing at node “${nodeId}”? Its current waits are dropped.`)) return;
    try {
      await instancesApi.migrate(details.summary.id, version, nodeId);
      onDone(`Migrated to v${version} at ${nodeId}.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div className="card migrate">
      <b>Migrate</b>
      <label>Published version
        <select value={version ?? ''} onChange={(e) => setVersion(Number(e.target.value))}>
          {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}{v.version === details.summary.version ? ' (current)' : ''}</option>)}
        </select>
      </label>
      <label>Continue at node
        <select value={nodeId} onChange={(e) => setNodeId(e.target.value)}>
          {nodes.map((n) => <option key={n.id} value={n.id}>{n.label}</option>)}
        </select>
      </label>
      <button type="button" onClick={submit} disabled={version === null || !nodeId}>Migrate</button>
      {versions.length === 0 && <span className="hint">No published version.</span>}
      {error && <div className="banner error">{error}</div>}
    </div>
  );
}

/** Route /studio/instances/:id */
export function InstanceDetailPage({ instanceId }: { instanceId: string }) {
  const activities = useActivities();
  const [details, setDetails] = useState<InstanceDetails | null>(null);
  const [definition, setDefinition] = useState<FlowDefinition | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const [showMigrate, setShowMigrate] = useState(false);
  const [stepNode, setStepNode] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const d = await instancesApi.get(instanceId);
      setDetails(d);
      setError(null);
      const doc = await flowsApi.version(d.summary.flowId, d.summary.version);
      setDefinition(doc.definition);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [instanceId]);
  useEffect(() => {
    void load();
  }, [load]);

  // Follow a live instance.
  useEffect(() => {
    if (!details || !['Running', 'Waiting'].includes(details.summary.status)) return;
    const timer = setInterval(() => void instancesApi.get(instanceId).then(setDetails, () => {}), 5000);
    return () => clearInterval(timer);
  }, [details, instanceId]);

  const act = async (label: string, call: () => Promise<unknown>, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(true);
    try {
      await call();
      setMessage(`${label}: done.`);
      setTimeout(() => void load(), 400);
    } catch (e) {
      setMessage(`${label} failed: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  if (error) return <div className="page"><ErrorBox message={error} onRetry={load} /></div>;
  if (!details || activities.state === 'loading') return <Spinner />;
  if (activities.state === 'error') return <ErrorBox message={activities.message} />;
  const s = details.summary;
  const finished = s.status === 'Completed' || s.status === 'Cancelled';
  const journal = [...details.journal].sort((a, b) => a.sequence - b.sequence);

  return (
    <div className="page instance">
      <div className="page-head">
        <Link to={`/studio/instances?flowId=${encodeURIComponent(s.flowId)}`}>← Instances</Link>
        <h1 className="mono">{s.id}</h1>
        <span className={`badge status-${s.status.toLowerCase()}`}>{s.status}</span>
        <span className="spacer" />
        {(details.incident || s.status === 'Faulted') && <button type="button" className="primary" disabled={busy} onClick={() => act('Retry', () => instancesApi.retry(s.id))}>Retry</button>}
        {(s.status === 'Waiting' || s.status === 'Faulted') && <button type="button" onClick={() => setShowMigrate((m) => !m)}>Migrate…</button>}
        {!finished && <button type="button" className="danger" disabled={busy} onClick={() => act('Cancel', () => instancesApi.cancel(s.id), 'Cancel this instance? It stops where it is.')}>Cancel</button>}
        <button type="button" onClick={() => void load()}>Refresh</button>
      </div>
      {message && <div className="banner info">{message} <button type="button" className="icon" onClick={() => setMessage(null)}>✕</button></div>}
      <div className="summary-grid card">
        <div><label>Flow</label><Link to={`/studio/flows/${encodeURIComponent(s.flowId)}`}>{s.flowId}</Link> v{s.version}</div>
        <div><label>Contact</label><span className="mono">{s.correlationKey || '—'}</span></div>
        <div><label>At node</label><span className="mono">{s.currentNodeId || '—'}</span></div>
        <div><label>Created</label>{formatDate(s.createdAt)}</div>
        <div><label>Updated</label>{formatDate(s.updatedAt)}</div>
        {s.completedAt && <div><label>Finished</label>{formatDate(s.completedAt)}</div>}
        {s.wakeAt && <div><label>Wakes</label>{formatDate(s.wakeAt)}</div>}
        {details.bookmarks.filter((b) => !b.resumed).map((b) => (
          <div key={`${b.eventName}${b.nodeId}`}><label>Waiting for</label><code>{b.eventName}</code> <span className="hint">key {b.correlationKey}</span></div>
        ))}
      </div>
      {details.incident && (
        <div className="incident card">
          <b>Incident at <code>{details.incident.nodeId}</code></b> · {details.incident.errorType} · {details.incident.attempts} attempt(s) · {formatDate(details.incident.occurredAt)}
          <pre className="json">{details.incident.message}</pre>
          {details.incident.resumedBy && <div className="hint">A retry delivers “{details.incident.resumedBy}” again.</div>}
          <button type="button" className="primary" disabled={busy} onClick={() => act('Retry', () => instancesApi.retry(s.id))}>Retry</button>
        </div>
      )}
      {showMigrate && <MigrateForm details={details} onDone={(m) => { setMessage(m); setShowMigrate(false); void load(); }} />}
      <div className="instance-canvas card">
        {definition ? (
          <ReactFlowProvider>
            <PathCanvas definition={definition} details={details} descriptors={activities.map} onNodeClick={setStepNode} />
          </ReactFlowProvider>
        ) : <Spinner />}
        <div className="legend"><span className="lg visited" /> ran <span className="lg current" /> here now <span className="lg faulted" /> faulted <span className="lg taken" /> path taken · tap a node for its inputs and outputs</div>
      </div>
      {stepNode && <StepPanel journal={details.journal} nodeId={stepNode} label={definition?.nodes?.find((n) => n.id === stepNode)?.label ?? undefined} onClose={() => setStepNode(null)} />}
      <h2>Journal</h2>
      <table className="table journal">
        <thead>
          <tr><th>#</th><th>Node</th><th>Activity</th><th>Kind</th><th>Outcome</th><th>Attempts</th><th>Started</th><th>ms</th></tr>
        </thead>
        <tbody>
          {journal.map((j) => (
            <Fragment key={j.sequence}>
              <tr className={`clickable kind-${j.kind}`} onClick={() => setOpen((o) => { const n = new Set(o); if (n.has(j.sequence)) n.delete(j.sequence); else n.add(j.sequence); return n; })}>
                <td>{j.sequence}</td>
                <td className="mono">{j.nodeId}</td>
                <td>{j.activityType}</td>
                <td><span className={`badge kind-${j.kind}`}>{j.kind}</span></td>
                <td>{j.outcome ?? ''}</td>
                <td>{j.attempts ?? 1}</td>
                <td>{formatDate(j.startedAt)}</td>
                <td>{j.durationMs?.toFixed(1)}</td>
              </tr>
              {open.has(j.sequence) && (
                <tr className="journal-detail">
                  <td colSpan={8}>
                    <div className="io">
                      <div><label>Inputs</label><JsonView value={j.inputs ?? undefined} /></div>
                      <div><label>Output</label><JsonView value={j.output} /></div>
                      {j.error && <div><label>Error</label><pre className="json error">{j.error}</pre></div>}
                    </div>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      <div className="io">
        <div><h2>Variables</h2><JsonView value={details.variables} /></div>
        <div><h2>Event</h2><JsonView value={details.event} /></div>
      </div>
    </div>
  );
}
