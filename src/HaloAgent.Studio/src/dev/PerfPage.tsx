import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ActivityDescriptor, FlowDefinition } from '../api/types';
import { Designer } from '../designer/DesignerPage';
import { loadActivities } from '../designer/useActivities';
import { flowToGraph, graphToFlow } from '../flow/convert';
import { generateFlow } from '../flow/generate';
import { activityGeometry } from '../flow/geometry';
import { autoLayout } from '../flow/layout';
import { descriptorMap } from '../flow/model';
import fixture from '../test/activities.fixture.json';
import { useDevTools } from '../api/devTools';
import { Link } from '../router';

export interface PerfResult {
  nodes: number;
  edges: number;
  /**
   * From this page's first render (fetch the catalogue, generate, lay out, mount the designer) to two frames after
   * the canvas shows the flow: React Flow initialised, its nodes in view rendered and visible (none waiting, hidden,
   * to be measured), the edges between them drawn.
   */
  firstRenderMs: number;
  /** Of which: fetching the catalogue, generating and laying out the flow (before React mounts the canvas). */
  prepareMs: number;
  /** Of which: laying the generated flow out (autoLayout, dagre). */
  layoutMs: number;
  /** The same moment counted from the navigation's start: loading and parsing the app, signing in, this page. */
  navFirstRenderMs: number;
  /** Nodes and edges in the DOM at that moment (only those in view are rendered). */
  nodesRendered: number;
  edgesRendered: number;
  /** Per-frame times while panning programmatically for 120 frames. */
  panFrameAvgMs: number;
  panFrameP95Ms: number;
  panFrameMaxMs: number;
}

declare global {
  interface Window {
    __haloPerf?: PerfResult;
  }
}

const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r));

/** The canvas shows the flow: some nodes rendered, none of them hidden while waiting to be measured, and edges. */
function canvasShowsFlow(expectEdges: boolean): boolean {
  const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
  if (nodes.length === 0) return false;
  for (const node of nodes) if (node.style.visibility === 'hidden') return false;
  return !expectEdges || document.querySelector('.react-flow__edge') !== null;
}

function PanProbe({ ready, onDone }: { ready: number | null; onDone: (frames: number[]) => void }) {
  const flow = useReactFlow();
  const ran = useRef(false);
  useEffect(() => {
    if (ready === null || ran.current) return;
    ran.current = true;
    (async () => {
      await nextFrame();
      const start = flow.getViewport();
      const frames: number[] = [];
      let last = await nextFrame();
      for (let i = 0; i < 120; i++) {
        flow.setViewport({ x: start.x - i * 6, y: start.y - i * 10, zoom: start.zoom });
        const now = await nextFrame();
        frames.push(now - last);
        last = now;
      }
      flow.setViewport(start);
      onDone(frames);
    })();
  }, [ready, flow, onDone]);
  return null;
}

/** Route /studio/dev/perf: for developers only (the server's dev-tools switch); an owner gets a refusal, not the check. */
export function PerfPage() {
  const devTools = useDevTools();
  if (devTools === null) return <div className="spinner">Loading…</div>;
  if (!devTools.enabled) {
    return (
      <div className="page" role="alert">
        <h1>Not available</h1>
        <p>The designer performance check is a developer tool and is off on this server. {devTools.reason}</p>
        <p><Link to="/studio">Back to flows</Link></p>
      </div>
    );
  }
  return <PerfCheck />;
}

/**
 * Opens a generated 200-node flow in the real designer (offline: no validation or saves),
 * reports time to first render and frame times while panning. Results are also on `window.__haloPerf`.
 */
function PerfCheck() {
  const count = Number(new URLSearchParams(window.location.search).get('nodes') ?? 200);
  const t0 = useRef(0);
  if (t0.current === 0) {
    t0.current = performance.now();
    performance.mark('halo-perf:start');
  }
  const [activities, setActivities] = useState<ActivityDescriptor[] | null>(null);
  const [firstRender, setFirstRender] = useState<number | null>(null);
  const shown = useRef({ at: 0, nodes: 0, edges: 0 });
  const [result, setResult] = useState<PerfResult | null>(null);
  const prepared = useRef({ at: 0, layout: 0 });

  useEffect(() => {
    loadActivities().then(setActivities, () => setActivities(fixture as ActivityDescriptor[]));
  }, []);

  const loaded = useMemo(() => {
    if (!activities) return null;
    const descriptors = descriptorMap(activities);
    const generated = flowToGraph(generateFlow(count), descriptors);
    const t = performance.now();
    const laid = autoLayout(generated, { sizeOf: (n) => activityGeometry(n, descriptors) });
    const layout = performance.now() - t;
    const definition: FlowDefinition = graphToFlow(laid);
    const now = new Date().toISOString();
    prepared.current = { at: performance.now() - t0.current, layout };
    performance.mark('halo-perf:prepared');
    return {
      descriptors,
      data: {
        summary: { id: definition.id, name: definition.name, latestVersion: 1, hasDraft: true, updatedAt: now, activeVersion: null },
        versions: [],
        info: { flowId: definition.id, version: 1, status: 'Draft', revision: 1, createdAt: now, updatedAt: now },
        definition,
      },
    };
  }, [activities, count]);

  const expectEdges = (loaded?.data.definition.edges?.length ?? 0) > 0;
  const onFirstRender = useCallback(() => {
    // React Flow is initialised; wait until the flow is on screen, then two frames: laid out and painted.
    const painted = () => {
      const now = performance.now();
      shown.current = { at: now, nodes: document.querySelectorAll('.react-flow__node').length, edges: document.querySelectorAll('.react-flow__edge').length };
      performance.mark('halo-perf:first-render');
      setFirstRender(now - t0.current);
    };
    const check = () => (canvasShowsFlow(expectEdges) ? requestAnimationFrame(() => requestAnimationFrame(painted)) : requestAnimationFrame(check));
    check();
  }, [expectEdges]);

  const onPanned = useCallback((frames: number[]) => {
    const sorted = [...frames].sort((a, b) => a - b);
    const r: PerfResult = {
      nodes: loaded?.data.definition.nodes?.length ?? 0,
      edges: loaded?.data.definition.edges?.length ?? 0,
      firstRenderMs: Math.round(firstRender ?? 0),
      prepareMs: Math.round(prepared.current.at),
      layoutMs: Math.round(prepared.current.layout),
      navFirstRenderMs: Math.round(shown.current.at),
      nodesRendered: shown.current.nodes,
      edgesRendered: shown.current.edges,
      panFrameAvgMs: Math.round((frames.reduce((a, b) => a + b, 0) / frames.length) * 10) / 10,
      panFrameP95Ms: Math.round(sorted[Math.floor(sorted.length * 0.95)] * 10) / 10,
      panFrameMaxMs: Math.round(sorted[sorted.length - 1] * 10) / 10,
    };
    window.__haloPerf = r;
    console.info('[halo-perf]', JSON.stringify(r));
    setResult(r);
  }, [firstRender, loaded]);

  if (!loaded) return <div className="spinner">Loading activities…</div>;
  return (
    <div className="perf">
      <div className="perf-report" data-testid="perf-report">
        <b>Designer performance ({count} nodes)</b>{' '}
        {firstRender === null ? 'rendering…' : <>time to first render <b>{Math.round(firstRender)} ms</b> (goal &lt; 1000; of which {Math.round(prepared.current.at)} ms catalogue + generate + layout, {Math.round(prepared.current.layout)} ms layout; {Math.round(shown.current.at)} ms from navigation start)</>}{' '}
        {result && <>· pan frame avg <b>{result.panFrameAvgMs} ms</b>, p95 {result.panFrameP95Ms} ms, max {result.panFrameMaxMs} ms</>}
      </div>
      <ReactFlowProvider>
        <Designer loaded={loaded.data} activities={activities!} descriptors={loaded.descriptors} onReload={() => window.location.reload()} offline onFirstRender={onFirstRender} />
        <PanProbe ready={firstRender} onDone={onPanned} />
      </ReactFlowProvider>
    </div>
  );
}
