import { Background, Controls, MiniMap, type Node, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ActivityDescriptor } from '../api/types';
import { preloadable } from '../components/lazy';
import { ErrorBox, Spinner } from '../components/util';
import { graphToFlow } from '../flow/convert';
import { activityGeometry, createGeometryDecorator } from '../flow/geometry';
import type { ActivityNode, DescriptorMap, FlowEdge } from '../flow/model';
import { FLOW_ID } from '../flow/values';
import { openingViewport } from '../flow/viewport';
import { CanvasContext, type CanvasContextValue } from './context';
import { DesignerBanner, DesignerToolbar, type Drawer } from './DesignerToolbar';
import { nodeTypes } from './FlowNode';
import { NodeSearch } from './NodeSearch';
import { Palette } from './Palette';
import { PropertyPanel } from './PropertyPanel';
import { useActivities } from './useActivities';
import { useCanvasEditing } from './useCanvasEditing';
import { useDesignerKeys } from './useDesignerKeys';
import { useFlowActions } from './useFlowActions';
import { type Loaded, loadFlow, useFlowDocument, useLoadedFlow } from './useFlowDocument';
import { useTestRunOverlay } from './useTestRunOverlay';
import { useValidation } from './useValidation';

// The drawers are separate chunks, fetched once the canvas is up (or when opened before that).
const TestRunPanel = preloadable(() => import('./TestRunPanel').then((m) => m.TestRunPanel));
const VersionsPanel = preloadable(() => import('./VersionsPanel').then((m) => m.VersionsPanel));

/** Route /studio/flows/:id. */
export function DesignerPage({ flowId }: { flowId: string }) {
  const activities = useActivities();
  const { loaded, reload } = useLoadedFlow(flowId);

  if (activities.state === 'error') return <ErrorBox message={`Could not load the activity catalogue: ${activities.message}`} />;
  if (loaded.state === 'error') return <ErrorBox message={loaded.message} onRetry={reload} />;
  if (activities.state === 'loading' || loaded.state === 'loading') return <Spinner />;
  return (
    <ReactFlowProvider key={loaded.key}>
      <Designer loaded={loaded.data} activities={activities.list} descriptors={activities.map} onReload={reload} />
    </ReactFlowProvider>
  );
}

interface DesignerProps {
  loaded: Loaded;
  activities: ActivityDescriptor[];
  descriptors: DescriptorMap;
  onReload: () => void;
  /** For the performance page: no server calls (validation, save). */
  offline?: boolean;
  onFirstRender?: () => void;
}

/** The editor: the hooks own the document, keys, validation, server actions and the test-run overlay; this lays them out. */
export function Designer({ loaded, activities, descriptors, onReload, offline, onFirstRender }: DesignerProps) {
  const flowId = loaded.definition.id;
  const flow = useReactFlow<ActivityNode, FlowEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const [drawer, setDrawer] = useState<Drawer>(null);
  const doc = useFlowDocument(loaded, descriptors);
  const { present, presentRef } = doc;
  const { validation, mapped, errorStore, setPublishErrors } = useValidation(doc.docKey, present.nodes, offline);
  const server = useFlowActions({ flowId, doc, descriptors, flow, setPublishErrors, onReload, offline });
  useDesignerKeys(doc, server.saveRef);
  const editing = useCanvasEditing({ doc, descriptors, flow, wrapper, flash: server.flash });
  const overlay = useTestRunOverlay(drawer === 'test', present.edges);

  // Sizes and handle positions up front: React Flow renders only the visible nodes without measuring them all first.
  const withGeometry = useMemo(() => createGeometryDecorator(descriptors), [descriptors]);
  const shownNodes = useMemo(() => withGeometry(present.nodes), [withGeometry, present.nodes]);
  const currentDefinition = useCallback(() => graphToFlow(presentRef.current), [presentRef]);
  const canvasContext = useMemo<CanvasContextValue>(() => ({ descriptors, errors: errorStore, runState: overlay.runStore, readOnly: false }), [descriptors, errorStore, overlay.runStore]);

  // A flow opens at a readable zoom: whole when it fits so, else on its Start node (only what is visible renders).
  // The canvas is measured before the first paint, so React Flow mounts at that viewport instead of moving there.
  const [canvasSize, setCanvasSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const box = wrapper.current?.getBoundingClientRect();
    setCanvasSize({ width: box?.width ?? 0, height: box?.height ?? 0 });
  }, []);
  const initialViewport = useMemo(() => {
    if (!canvasSize) return null;
    const nodes = presentRef.current.nodes;
    const boxOf = (n: ActivityNode) => {
      const { width, height } = activityGeometry(n, descriptors);
      return { x: n.position.x, y: n.position.y, width, height };
    };
    const start = nodes.find((n) => descriptors.get(n.data.type)?.isStart);
    return openingViewport(nodes.map(boxOf), start && boxOf(start), canvasSize, { padding: FIT_OPTIONS.padding, maxZoom: FIT_OPTIONS.maxZoom });
  }, [canvasSize, descriptors, presentRef]);

  // Ctrl+K (Cmd+K) finds a node, anywhere on the page.
  const [searching, setSearching] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setSearching(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
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

  return (
    <div className="designer">
      <DesignerToolbar
        flowId={flowId}
        name={present.meta.name}
        info={doc.info}
        summary={doc.summary}
        dirty={doc.dirty}
        offline={offline}
        busy={!!server.busy}
        validation={validation}
        mapped={mapped}
        onSelectNode={editing.actions.select}
        history={doc}
        onLayout={editing.layout}
        onFit={() => flow.fitView({ duration: 300 })}
        onImport={server.importJson}
        onExport={server.exportJson}
        drawer={drawer}
        onToggleDrawer={(d) => setDrawer((open) => (open === d ? null : d))}
        onDiscardDraft={server.discardDraft}
        onRetract={server.retract}
        onSave={() => void server.save()}
        onPublish={() => void server.publish()}
      />
      {server.busy && <div className="banner info">{server.busy}</div>}
      <DesignerBanner banner={server.banner} onExport={server.exportJson} onReloadTheirs={server.reloadTheirs} onClose={() => server.setBanner(null)} />
      {!FLOW_ID.test(flowId) && <div className="banner warn">The flow id “{flowId}” does not match the required pattern.</div>}
      <div className="designer-body">
        <Palette activities={activities} onAdd={editing.addFromPalette} />
        <div className="canvas" ref={wrapper} onDrop={editing.onDrop} onDragOver={editing.onDragOver}>
          <CanvasContext.Provider value={canvasContext}>
            {initialViewport && <ReactFlow<ActivityNode, FlowEdge>
              nodes={shownNodes}
              edges={overlay.shownEdges}
              nodeTypes={nodeTypes}
              {...editing.canvas}
              onInit={onInit}
              defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
              deleteKeyCode={DELETE_KEYS}
              multiSelectionKeyCode={MULTI_KEYS}
              selectionKeyCode="Shift"
              onlyRenderVisibleElements
              minZoom={0.05}
              maxZoom={2}
              defaultViewport={initialViewport}
              fitViewOptions={FIT_OPTIONS}
            >
              <Background gap={24} />
              {miniMap && <MiniMap pannable zoomable nodeStrokeWidth={3} nodeColor={miniMapColor} />}
              <Controls />
            </ReactFlow>}
          </CanvasContext.Provider>
          <button type="button" className="canvas-search-hint" onClick={() => setSearching(true)} title="Find a node (Ctrl+K)">🔍 Find</button>
          {searching && <NodeSearch nodes={present.nodes} onChoose={editing.selectNode} onClose={() => setSearching(false)} />}
        </div>
        <aside className="properties">
          <PropertyPanel graph={present} descriptors={descriptors} errors={mapped} actions={editing.actions} context={editing.editorContext} />
        </aside>
        <Suspense fallback={<aside className="side-drawer"><Spinner /></aside>}>
          {drawer === 'versions' && (
            <VersionsPanel flowId={flowId} versions={doc.versions} current={currentDefinition} onLoadVersion={server.loadVersion} onSelectNode={editing.selectNode} onClose={() => setDrawer(null)} />
          )}
          {drawer === 'test' && <TestRunPanel flowId={flowId} currentDefinition={currentDefinition} onRun={overlay.setTestRun} onClose={() => setDrawer(null)} />}
        </Suspense>
      </div>
    </div>
  );
}

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
