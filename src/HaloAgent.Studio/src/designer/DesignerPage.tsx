import {
  Background,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  MiniMap,
  type Node,
  type NodeChange,
  ReactFlow,
  ReactFlowProvider,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { flowsApi } from '../api/flows';
import { ApiError, errorMessage } from '../api/http';
import type { ActivityDescriptor, FlowDefinition, FlowSummary, FlowVersionInfo, Json, ValidationError } from '../api/types';
import { preloadable } from '../components/lazy';
import { download, ErrorBox, parseLenientJson, pickFile, Spinner } from '../components/util';
import { copySelection, parseClipboard, pasteClipboard, type ClipboardData } from '../flow/clipboard';
import { flowKey, flowToGraph, graphToFlow, makeEdge, makeNode } from '../flow/convert';
import { addActivity, connect, deleteSelection, pruneOutcomes, renameNode, renameOutcome, setInput, updateNodeData } from '../flow/graphOps';
import { canRedo, canUndo, createHistory, historyReducer } from '../flow/history';
import { uniqueId } from '../flow/ids';
import { activityGeometry, createGeometryDecorator } from '../flow/geometry';
import { autoLayout } from '../flow/layout';
import { type ActivityNode, type DescriptorMap, type FlowEdge, type FlowGraph } from '../flow/model';
import { outcomesFor } from '../flow/outcomes';
import { mapValidationErrors, NO_ERRORS } from '../flow/validation';
import { FLOW_ID } from '../flow/values';
import { pathFromJournal } from '../flow/path';
import { decorateEdges } from '../flow/testRun';
import type { TestRun } from '../api/testRuns';
import type { InstanceStatus } from '../api/types';
import { addLeaveGuard, Link } from '../router';
import { CanvasContext, type CanvasContextValue, type NodeRunState } from './context';
import { nodeTypes } from './FlowNode';
import { createKeyedStore } from './keyedStore';
import { DRAG_TYPE, Palette } from './Palette';
import { type PanelActions, PropertyPanel } from './PropertyPanel';
import { useActivities } from './useActivities';

// The drawers are separate chunks, fetched once the canvas is up (or when opened before that).
const TestRunPanel = preloadable(() => import('./TestRunPanel').then((m) => m.TestRunPanel));
const VersionsPanel = preloadable(() => import('./VersionsPanel').then((m) => m.VersionsPanel));

interface Loaded {
  summary: FlowSummary;
  versions: FlowVersionInfo[];
  info: FlowVersionInfo;
  definition: FlowDefinition;
}

async function loadFlow(flowId: string): Promise<Loaded> {
  const { flow, versions } = await flowsApi.get(flowId);
  const hasDraft = versions.some((v) => v.status === 'Draft');
  const doc = await flowsApi.version(flowId, hasDraft ? undefined : (flow.activeVersion ?? flow.latestVersion));
  return { summary: flow, versions, info: doc.info, definition: doc.definition };
}

/** Route /studio/flows/:id. */
export function DesignerPage({ flowId }: { flowId: string }) {
  const activities = useActivities();
  const [loaded, setLoaded] = useState<{ state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: Loaded; key: number }>({ state: 'loading' });
  const reload = useCallback(() => {
    setLoaded({ state: 'loading' });
    loadFlow(flowId).then(
      (data) => setLoaded({ state: 'ready', data, key: Date.now() }),
      (e) => setLoaded({ state: 'error', message: errorMessage(e) }),
    );
  }, [flowId]);
  useEffect(reload, [reload]);

  if (activities.state === 'error') return <ErrorBox message={`Could not load the activity catalogue: ${activities.message}`} />;
  if (loaded.state === 'error') return <ErrorBox message={loaded.message} onRetry={reload} />;
  if (activities.state === 'loading' || loaded.state === 'loading') return <Spinner />;
  return (
    <ReactFlowProvider key={loaded.key}>
      <Designer loaded={loaded.data} activities={activities.list} descriptors={activities.map} onReload={reload} />
    </ReactFlowProvider>
  );
}

type Banner = { kind: 'error' | 'info' | 'conflict' | 'success'; text: string; errors?: ValidationError[] } | null;
type Validation = { state: 'pending' } | { state: 'done'; errors: ValidationError[] } | { state: 'failed'; message: string };


interface DesignerProps {
  loaded: Loaded;
  activities: ActivityDescriptor[];
  descriptors: DescriptorMap;
  onReload: () => void;
  /** For the performance page: no server calls (validation, save). */
  offline?: boolean;
  onFirstRender?: () => void;
}

export function Designer({ loaded, activities, descriptors, onReload, offline, onFirstRender }: DesignerProps) {
  const flowId = loaded.definition.id;
  const [history, dispatch] = useReducer(historyReducer<FlowGraph>, undefined, () => createHistory(flowToGraph(loaded.definition, descriptors)));
  const present = history.present;
  const presentRef = useRef(present);
  presentRef.current = present;
  const [info, setInfo] = useState(loaded.info);
  const [summary, setSummary] = useState(loaded.summary);
  const [versions, setVersions] = useState(loaded.versions);
  const [savedKey, setSavedKey] = useState(() => flowKey(history.present));
  const [banner, setBanner] = useState<Banner>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [drawer, setDrawer] = useState<'versions' | 'test' | null>(null);
  const [validation, setValidation] = useState<Validation>({ state: 'pending' });
  const [publishErrors, setPublishErrors] = useState<ValidationError[] | null>(null);
  const errorStore = useMemo(() => createKeyedStore<ValidationError[]>(), []);
  const dragBase = useRef<FlowGraph | null>(null);
  const clipboard = useRef<ClipboardData | null>(null);
  const pasteCount = useRef(0);
  const wrapper = useRef<HTMLDivElement>(null);
  const flow = useReactFlow<ActivityNode, FlowEdge>();

  const docKey = useMemo(() => flowKey(present), [present]);
  const dirty = docKey !== savedKey;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  // ---- editing primitives -------------------------------------------------------------------------------------
  const apply = useCallback((fn: (g: FlowGraph) => FlowGraph, options: { record?: boolean; key?: string } = {}) => {
    const next = fn(presentRef.current);
    if (next === presentRef.current) return;
    presentRef.current = next;
    dispatch({ type: 'set', next, record: options.record, key: options.key });
  }, []);

  const flash = useCallback((text: string, kind: 'info' | 'success' | 'error' = 'success') => setBanner({ kind, text }), []);

  const onNodesChange = useCallback((changes: NodeChange<ActivityNode>[]) => {
    const kept = changes.filter((c) => c.type !== 'remove');
    if (kept.length) apply((g) => ({ ...g, nodes: applyNodeChanges(kept, g.nodes) }), { record: false });
  }, [apply]);

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const kept = changes.filter((c) => c.type !== 'remove');
    if (kept.length) apply((g) => ({ ...g, edges: applyEdgeChanges(kept, g.edges) }), { record: false });
  }, [apply]);

  const onDelete = useCallback(({ nodes, edges }: { nodes: Node[]; edges: Edge[] }) => {
    const nodeIds = new Set(nodes.map((n) => n.id));
    const edgeIds = new Set(edges.map((e) => e.id));
    apply((g) => ({
      ...g,
      nodes: g.nodes.filter((n) => !nodeIds.has(n.id)),
      edges: g.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target)),
    }));
  }, [apply]);

  const onConnect = useCallback((connection: Connection) => {
    const result = connect(presentRef.current, connection, descriptors);
    if ('error' in result) flash(result.error, 'error');
    else apply(() => result.graph);
  }, [apply, descriptors, flash]);

  const onDragStart = useCallback(() => {
    dragBase.current = presentRef.current;
  }, []);
  const onDragStop = useCallback(() => {
    if (dragBase.current) dispatch({ type: 'commit', from: dragBase.current });
    dragBase.current = null;
  }, []);

  const addAt = useCallback((type: string, position: { x: number; y: number }) => {
    const descriptor = descriptors.get(type);
    if (!descriptor) return;
    apply((g) => addActivity(g, descriptor, { x: Math.round(position.x), y: Math.round(position.y) }).graph);
  }, [apply, descriptors]);

  const onDrop = useCallback((e: DragEvent) => {
    const type = e.dataTransfer.getData(DRAG_TYPE);
    if (!type) return;
    e.preventDefault();
    const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    addAt(type, { x: p.x - 100, y: p.y - 20 });
  }, [addAt, flow]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(DRAG_TYPE)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
    }
  }, []);

  const addFromPalette = useCallback((type: string) => {
    const rect = wrapper.current?.getBoundingClientRect();
    const p = rect ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 3 }) : { x: 0, y: 0 };
    addAt(type, p);
  }, [addAt, flow]);

  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);

  const layout = useCallback(() => {
    apply((g) =>
      autoLayout(g, {
        sizeOf: (n) => {
          const size = activityGeometry(n, descriptors);
          return { width: n.measured?.width ?? size.width, height: n.measured?.height ?? size.height };
        },
      }),
    );
    requestAnimationFrame(() => flow.fitView({ duration: 300 }));
  }, [apply, descriptors, flow]);

  const selectNode = useCallback((id: string) => {
    apply((g) => ({ ...g, nodes: g.nodes.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })), edges: g.edges.map((e) => (e.selected ? { ...e, selected: false } : e)) }), { record: false });
    const node = presentRef.current.nodes.find((n) => n.id === id);
    if (node) flow.setCenter(node.position.x + 100, node.position.y + 40, { zoom: Math.max(flow.getZoom(), 0.9), duration: 300 });
  }, [apply, flow]);

  // ---- clipboard ------------------------------------------------------------------------------------------------
  useEffect(() => {
    const editable = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    const selectedIds = () => presentRef.current.nodes.filter((n) => n.selected).map((n) => n.id);
    const onCopy = (e: ClipboardEvent, cut = false) => {
      if (editable(e.target)) return;
      const clip = copySelection(presentRef.current, selectedIds());
      if (!clip) return;
      e.preventDefault();
      clipboard.current = clip;
      pasteCount.current = 0;
      e.clipboardData?.setData('text/plain', JSON.stringify(clip, null, 2));
      if (cut) apply((g) => deleteSelection(g));
    };
    const onCut = (e: ClipboardEvent) => onCopy(e, true);
    const onPaste = (e: ClipboardEvent) => {
      if (editable(e.target)) return;
      const clip = parseClipboard(e.clipboardData?.getData('text/plain') ?? '') ?? clipboard.current;
      if (!clip) return;
      e.preventDefault();
      pasteCount.current += 1;
      const d = 40 * pasteCount.current;
      apply((g) => pasteClipboard(g, clip, { x: d, y: d }).graph);
    };
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        saveRef.current?.();
        return;
      }
      if (editable(e.target)) return;
      if (key === 'z' && !e.shiftKey) { e.preventDefault(); dispatch({ type: 'undo' }); }
      else if ((key === 'z' && e.shiftKey) || key === 'y') { e.preventDefault(); dispatch({ type: 'redo' }); }
      else if (key === 'a') {
        e.preventDefault();
        apply((g) => ({ ...g, nodes: g.nodes.map((n) => (n.selected ? n : { ...n, selected: true })) }), { record: false });
      }
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('keydown', onKey);
    };
  }, [apply]);

  // ---- validation (debounced, as you edit) ---------------------------------------------------------------------
  useEffect(() => {
    if (offline) return;
    setValidation({ state: 'pending' });
    setPublishErrors(null);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      flowsApi.validate(JSON.parse(docKey) as FlowDefinition, controller.signal).then(
        (report) => setValidation({ state: 'done', errors: report.errors }),
        (e) => {
          if (controller.signal.aborted) return;
          if (e instanceof ApiError && e.status === 400) setValidation({ state: 'done', errors: [{ message: e.message }] });
          else setValidation({ state: 'failed', message: errorMessage(e) });
        },
      );
    }, 500);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [docKey, offline]);

  const nodeIdsKey = useMemo(() => present.nodes.map((n) => n.id).join('\u0000'), [present.nodes]);
  const mapped = useMemo(() => {
    const errors = publishErrors ?? (validation.state === 'done' ? validation.errors : []);
    return errors.length ? mapValidationErrors(errors, nodeIdsKey.split('\u0000')) : NO_ERRORS;
  }, [validation, publishErrors, nodeIdsKey]);
  useEffect(() => errorStore.set(mapped.byNode), [mapped, errorStore]);

  // ---- server actions ------------------------------------------------------------------------------------------
  const refreshMeta = useCallback(async () => {
    try {
      const { flow: s, versions: v } = await flowsApi.get(flowId);
      setSummary(s);
      setVersions(v);
    } catch {
      /* keep what we have */
    }
  }, [flowId]);

  const infoRef = useRef(info);
  infoRef.current = info;

  const save = useCallback(async (): Promise<boolean> => {
    if (offline) return false;
    const doc = graphToFlow(presentRef.current);
    const key = JSON.stringify(doc);
    // Saving over a draft checks its revision; starting from a published version sends 0, so a draft someone else
    // created meanwhile is not overwritten either.
    const current = infoRef.current;
    const revision = current.status === 'Draft' ? current.revision : 0;
    setBusy('Saving…');
    try {
      const saved = await flowsApi.saveDraft(doc, revision);
      setInfo(saved);
      infoRef.current = saved;
      setSavedKey(key);
      flash(`Draft saved (version ${saved.version}, revision ${saved.revision}).`);
      void refreshMeta();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setBanner({ kind: 'conflict', text: `${e.message} Your changes were not saved and are still here: export them, then reload.` });
      } else if (e instanceof ApiError && e.status === 401) {
        setBanner({ kind: 'error', text: 'Not saved: your session has expired. Sign in again, then save: your changes are still here.' });
      } else setBanner({ kind: 'error', text: `Save failed: ${errorMessage(e)}` });
      return false;
    } finally {
      setBusy(null);
    }
  }, [flash, offline, refreshMeta]);
  const saveRef = useRef(save);
  saveRef.current = save;

  const publish = useCallback(async () => {
    if (dirtyRef.current) {
      if (!(await save())) return;
    } else if (infoRef.current.status !== 'Draft') {
      flash(`Nothing to publish: version ${infoRef.current.version} is ${infoRef.current.status.toLowerCase()} and there is no draft.`, 'info');
      return;
    }
    setBusy('Publishing…');
    try {
      const published = await flowsApi.publish(flowId);
      setInfo(published);
      infoRef.current = published;
      flash(`Published version ${published.version}. New instances and triggers use it.`);
      void refreshMeta();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        setPublishErrors(e.validationErrors);
        setBanner({ kind: 'error', text: `Publish refused: ${e.validationErrors.length} problem(s), shown on the nodes. Nothing changed.`, errors: e.validationErrors });
      } else setBanner({ kind: 'error', text: `Publish failed: ${errorMessage(e)}` });
    } finally {
      setBusy(null);
    }
  }, [flash, flowId, refreshMeta, save]);

  const retract = useCallback(async () => {
    if (!window.confirm(`Retract version ${summary.activeVersion} of “${summary.name}”? Its triggers are removed and new instances are refused; running instances finish on their version.`)) return;
    setBusy('Retracting…');
    try {
      const retracted = await flowsApi.retract(flowId);
      if (infoRef.current.version === retracted.version) setInfo(retracted);
      flash(`Retracted version ${retracted.version}.`);
      void refreshMeta();
    } catch (e) {
      setBanner({ kind: 'error', text: `Retract failed: ${errorMessage(e)}` });
    } finally {
      setBusy(null);
    }
  }, [flash, flowId, refreshMeta, summary]);

  const discardDraft = useCallback(async () => {
    if (!window.confirm('Discard the saved draft and all unsaved changes?')) return;
    try {
      await flowsApi.discardDraft(flowId);
      onReload();
    } catch (e) {
      setBanner({ kind: 'error', text: errorMessage(e) });
    }
  }, [flowId, onReload]);

  const importJson = useCallback(async () => {
    const text = await pickFile('.json,application/json');
    if (!text) return;
    let doc: FlowDefinition;
    try {
      doc = parseLenientJson(text) as FlowDefinition;
      if (!doc || typeof doc !== 'object' || !Array.isArray(doc.nodes ?? [])) throw new Error('not a flow document');
    } catch (e) {
      flash(`Not a flow document: ${errorMessage(e)}`, 'error');
      return;
    }
    if (doc.id && doc.id !== flowId && !window.confirm(`The file is flow “${doc.id}”. Put its content into “${flowId}”?`)) return;
    const graph = flowToGraph({ ...doc, id: flowId, name: doc.name || presentRef.current.meta.name }, descriptors);
    apply(() => graph);
    requestAnimationFrame(() => flow.fitView());
    flash(`Imported ${graph.nodes.length} nodes. Save to keep them (undo to go back).`, 'info');
  }, [apply, descriptors, flash, flow, flowId]);

  const exportJson = useCallback(() => {
    const doc = { ...graphToFlow(presentRef.current), version: infoRef.current.version };
    download(`${flowId}.v${infoRef.current.version}${dirtyRef.current ? '-unsaved' : ''}.json`, JSON.stringify(doc, null, 2));
  }, [flowId]);

  const loadVersion = useCallback((definition: FlowDefinition, version: number) => {
    apply(() => flowToGraph({ ...definition, id: flowId }, descriptors));
    flash(`Restored the content of version ${version} in the editor; save to make it the draft (or undo).`, 'info');
  }, [apply, descriptors, flash, flowId]);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirtyRef.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const remove = addLeaveGuard(() => (dirtyRef.current ? 'You have unsaved changes in this flow. Leave anyway?' : null));
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      remove();
    };
  }, []);

  // ---- property panel actions ------------------------------------------------------------------------------------
  const actions = useMemo<PanelActions>(() => ({
    setInput: (nodeId, name, value) =>
      apply((g) => {
        let next = setInput(g, nodeId, name, value);
        const node = next.nodes.find((n) => n.id === nodeId);
        const descriptor = node && descriptors.get(node.data.type);
        if (node && descriptor?.dynamicOutcomes) next = pruneOutcomes(next, nodeId, outcomesFor(descriptor, node.data.inputs));
        return next;
      }, { key: `${nodeId}:${name}` }),
    renameItem: (nodeId, name, from, to, value) =>
      apply((g) => {
        const node = g.nodes.find((n) => n.id === nodeId);
        const descriptor = node && descriptors.get(node.data.type);
        let next = renameOutcome(setInput(g, nodeId, name, value), nodeId, from, to);
        const updated = next.nodes.find((n) => n.id === nodeId)!;
        if (descriptor) next = pruneOutcomes(next, nodeId, outcomesFor(descriptor, updated.data.inputs));
        return next;
      }),
    setLabel: (nodeId, label) => apply((g) => updateNodeData(g, nodeId, (d) => ({ ...d, label: label || undefined })), { key: `${nodeId}:label` }),
    setRetry: (nodeId, retry) => apply((g) => updateNodeData(g, nodeId, (d) => ({ ...d, retry })), { key: `${nodeId}:retry` }),
    renameNode: (oldId, newId) => {
      if (!newId.trim()) return 'An id is required.';
      const next = renameNode(presentRef.current, oldId, newId.trim());
      if (!next) return `A node '${newId}' already exists.`;
      apply(() => next);
      return null;
    },
    setMeta: (patch, key) => apply((g) => ({ ...g, meta: { ...g.meta, ...patch } }), { key }),
    addVariantMessage: (nodeId, variant) =>
      apply((g) => {
        const split = g.nodes.find((n) => n.id === nodeId);
        if (!split) return g;
        const type = descriptors.has('SendMessage') ? 'SendMessage' : 'Log';
        const id = uniqueId(`${nodeId}-${variant}`, new Set(g.nodes.map((n) => n.id)));
        const variants = Array.isArray(split.data.inputs.variants) ? split.data.inputs.variants : [];
        const index = variants.findIndex((v) => (v as { name?: Json })?.name === variant);
        const inputs: Record<string, Json> = type === 'Log' ? { message: `Variant ${variant}` } : { template: 'greeting' };
        const node = makeNode({ id, type, label: `Message ${variant}`, inputs, position: { x: split.position.x + (index - (variants.length - 1) / 2) * 240, y: split.position.y + 150 } });
        const edges = g.edges.filter((e) => !(e.source === nodeId && e.sourceHandle === variant));
        return { ...g, nodes: [...g.nodes, node], edges: [...edges, makeEdge(nodeId, variant, id)] };
      }),
    deleteSelection: () => apply((g) => deleteSelection(g)),
    select: selectNode,
  }), [apply, descriptors, selectNode]);

  const editorContext = useMemo(() => {
    // The product's own events come from GET /api/events/catalog (the field loads it); these are the flow's.
    const events = new Set<string>();
    for (const n of present.nodes) if (typeof n.data.inputs.event === 'string') events.add(n.data.inputs.event);
    return { variables: (present.meta.variables ?? []).map((v) => v.name), eventNames: [...events].sort() };
  }, [present.nodes, present.meta.variables]);

  // ---- test run: the path the sandbox run took, highlighted on the canvas while the panel is open ----------------
  const [testRun, setTestRun] = useState<TestRun | null>(null);
  const runStore = useMemo(() => createKeyedStore<NodeRunState>(), []);
  const testPath = useMemo(() => {
    if (!testRun || drawer !== 'test') return null;
    const status = (testRun.status === 'NotStarted' ? 'Waiting' : testRun.status === 'Ended' ? 'Cancelled' : testRun.status) as InstanceStatus;
    return pathFromJournal(testRun.journal, { status, currentNodeId: testRun.currentNodeId ?? null });
  }, [testRun, drawer]);
  useEffect(() => runStore.set(testPath?.states ?? {}), [testPath, runStore]);
  const shownEdges = useMemo(() => decorateEdges(present.edges, testPath?.edges ?? null), [present.edges, testPath]);
  // Sizes and handle positions up front: React Flow renders only the visible nodes without measuring them all first.
  const withGeometry = useMemo(() => createGeometryDecorator(descriptors), [descriptors]);
  const shownNodes = useMemo(() => withGeometry(present.nodes), [withGeometry, present.nodes]);
  const currentDefinition = useCallback(() => graphToFlow(presentRef.current), []);

  const canvasContext = useMemo<CanvasContextValue>(() => ({ descriptors, errors: errorStore, runState: drawer === 'test' ? runStore : null, readOnly: false }), [descriptors, errorStore, drawer, runStore]);

  // Big flows open at a readable zoom on their Start node (only what is visible renders); small ones fit the view.
  const initialViewport = useMemo(() => {
    const nodes = presentRef.current.nodes;
    if (nodes.length <= LARGE_FLOW) return null;
    const start = nodes.find((n) => descriptors.get(n.data.type)?.isStart) ?? nodes[0];
    const zoom = 0.8;
    return { x: -start.position.x * zoom + 500, y: -start.position.y * zoom + 40, zoom };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The minimap draws (and subscribes to) every node: it mounts once the canvas has painted and the page is idle,
  // so that opening a big flow does not wait for it.
  const [miniMap, setMiniMap] = useState(false);
  const firstRender = useRef(false);
  const onInit = useCallback(() => {
    if (firstRender.current) return;
    firstRender.current = true;
    onFirstRender?.();
    whenIdle(() => {
      setMiniMap(true);
      void TestRunPanel.preload().catch(() => {});
      void VersionsPanel.preload().catch(() => {});
    });
  }, [onFirstRender]);

  const statusText = `v${info.version} · ${info.status}${info.status === 'Draft' ? ` r${info.revision}` : ''}`;
  const validationBadge = offline ? null : validation.state === 'pending' ? (
    <span className="badge muted">checking…</span>
  ) : validation.state === 'failed' ? (
    <span className="badge warn" title={validation.message}>validation unavailable</span>
  ) : mapped.count === 0 ? (
    <span className="badge ok">✓ valid</span>
  ) : (
    <button type="button" className="badge error" onClick={() => actions.select(Object.keys(mapped.byNode)[0] ?? '')}>{mapped.count} problem{mapped.count === 1 ? '' : 's'}</button>
  );

  return (
    <div className="designer">
      <div className="toolbar">
        <Link to="/studio" className="back">← Flows</Link>
        <b className="flow-name" title={flowId}>{present.meta.name || flowId}</b>
        <span className={`badge status-${info.status.toLowerCase()}`}>{statusText}</span>
        {summary.activeVersion != null && info.version !== summary.activeVersion && <span className="badge muted">active v{summary.activeVersion}</span>}
        {summary.activeVersion == null && <span className="badge warn">not published</span>}
        {dirty && <span className="badge warn">unsaved</span>}
        {validationBadge}
        <span className="spacer" />
        <button type="button" onClick={undo} disabled={!canUndo(history)} title="Undo (Ctrl+Z)">↶</button>
        <button type="button" onClick={redo} disabled={!canRedo(history)} title="Redo (Ctrl+Shift+Z)">↷</button>
        <button type="button" onClick={layout} title="Arrange the nodes top to bottom">Auto-layout</button>
        <button type="button" onClick={() => flow.fitView({ duration: 300 })} title="Zoom to fit">Fit</button>
        <button type="button" onClick={importJson}>Import</button>
        <button type="button" onClick={exportJson}>Export</button>
        <button type="button" className={drawer === 'versions' ? 'active' : ''} onClick={() => setDrawer((d) => (d === 'versions' ? null : 'versions'))}>Versions</button>
        <button type="button" className={drawer === 'test' ? 'active' : ''} onClick={() => setDrawer((d) => (d === 'test' ? null : 'test'))}>Test run</button>
        <Link to={`/studio/instances?flowId=${encodeURIComponent(flowId)}`} className="button">Instances</Link>
        {info.status === 'Draft' && !offline && <button type="button" onClick={discardDraft} title="Delete the saved draft">Discard draft</button>}
        {summary.activeVersion != null && <button type="button" onClick={retract} disabled={!!busy}>Retract</button>}
        <button type="button" onClick={() => void save()} disabled={!!busy || !dirty} title="Save draft (Ctrl+S)">Save draft</button>
        <button type="button" className="primary" onClick={() => void publish()} disabled={!!busy}>Publish</button>
      </div>
      {busy && <div className="banner info">{busy}</div>}
      {banner && (
        <div className={`banner ${banner.kind}`}>
          <span>{banner.text}</span>
          {banner.kind === 'conflict' && (
            <>
              <button type="button" onClick={exportJson}>Export my changes</button>
              <button type="button" onClick={() => { dirtyRef.current = false; onReload(); }}>Reload their version</button>
            </>
          )}
          {banner.errors && banner.errors.filter((e) => !e.nodeId).map((e) => <div key={e.message}>{e.message}</div>)}
          <button type="button" className="icon" onClick={() => setBanner(null)}>✕</button>
        </div>
      )}
      {!FLOW_ID.test(flowId) && <div className="banner warn">The flow id “{flowId}” does not match the required pattern.</div>}
      <div className="designer-body">
        <Palette activities={activities} onAdd={addFromPalette} />
        <div className="canvas" ref={wrapper} onDrop={onDrop} onDragOver={onDragOver}>
          <CanvasContext.Provider value={canvasContext}>
            <ReactFlow<ActivityNode, FlowEdge>
              nodes={shownNodes}
              edges={shownEdges}
              nodeTypes={nodeTypes}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              onDelete={onDelete}
              onNodeDragStart={onDragStart}
              onNodeDragStop={onDragStop}
              onSelectionDragStart={onDragStart}
              onSelectionDragStop={onDragStop}
              onInit={onInit}
              defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
              deleteKeyCode={DELETE_KEYS}
              multiSelectionKeyCode={MULTI_KEYS}
              selectionKeyCode="Shift"
              onlyRenderVisibleElements
              minZoom={0.05}
              maxZoom={2}
              fitView={!initialViewport}
              defaultViewport={initialViewport ?? undefined}
              fitViewOptions={FIT_OPTIONS}
            >
              <Background gap={24} />
              {miniMap && <MiniMap pannable zoomable nodeStrokeWidth={3} nodeColor={miniMapColor} />}
              <Controls />
            </ReactFlow>
          </CanvasContext.Provider>
        </div>
        <aside className="properties">
          <PropertyPanel graph={present} descriptors={descriptors} errors={mapped} actions={actions} context={editorContext} />
        </aside>
        <Suspense fallback={<aside className="side-drawer"><Spinner /></aside>}>
          {drawer === 'versions' && (
            <VersionsPanel flowId={flowId} versions={versions} current={() => graphToFlow(presentRef.current)} onLoadVersion={loadVersion} onSelectNode={selectNode} onClose={() => setDrawer(null)} />
          )}
          {drawer === 'test' && <TestRunPanel flowId={flowId} currentDefinition={currentDefinition} onRun={setTestRun} onClose={() => setDrawer(null)} />}
        </Suspense>
      </div>
    </div>
  );
}

const LARGE_FLOW = 80;

/** After the next frame, when the browser is idle (at the latest 300 ms later). */
function whenIdle(fn: () => void) {
  requestAnimationFrame(() => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(fn, { timeout: 300 });
    else setTimeout(fn, 50);
  });
}
const DEFAULT_EDGE_OPTIONS = { type: 'smoothstep' } as const;
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_KEYS = ['Meta', 'Control'];
const FIT_OPTIONS = { padding: 0.15, maxZoom: 1 };
const CATEGORY_COLORS: Record<string, string> = { Flow: '#6366f1', Time: '#f59e0b', Data: '#10b981', Agent: '#ec4899', Commerce: '#0ea5e9' };

export function miniMapColorFor(descriptors: DescriptorMap) {
  return (node: Node) => CATEGORY_COLORS[descriptors.get((node.data as ActivityNode['data']).type)?.category ?? ''] ?? '#94a3b8';
}

function miniMapColor(node: Node): string {
  const type = (node.data as ActivityNode['data']).type;
  return ({ Start: '#6366f1', End: '#64748b', Decision: '#6366f1', Switch: '#6366f1', Split: '#6366f1', Delay: '#f59e0b', WaitForEvent: '#f59e0b' } as Record<string, string>)[type] ?? '#94a3b8';
}

export { loadFlow };
