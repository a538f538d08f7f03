import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ActivityDescriptor, FlowDefinition } from '../api/types';
import { Designer } from '../designer/DesignerPage';
import { loadActivities } from '../designer/useActivities';
import { flowToGraph, graphToFlow } from '../flow/convert';
import { generateFlow } from '../flow/generate';
import { autoLayout, estimateNodeWidth, NODE_HEIGHT } from '../flow/layout';
import { descriptorMap } from '../flow/model';
import { outcomesFor } from '../flow/outcomes';
import fixture from '../test/activities.fixture.json';

export interface PerfResult {
  nodes: number;
  edges: number;
  /** From the start of loading (generate + layout + mount) to the first painted frame of the canvas. */
  firstRenderMs: number;
  /** Of which: fetching the catalogue, generating and laying out the flow (before React mounts the canvas). */
  prepareMs: number;
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

/**
 * Route /studio/dev/perf: opens a generated 200-node flow in the real designer (offline: no validation or saves),
 * reports time to first render and frame times while panning. Results are also on `window.__haloPerf`.
 */
export function PerfPage() {
  const count = Number(new URLSearchParams(window.location.search).get('nodes') ?? 200);
  const t0 = useRef(performance.now());
  const [activities, setActivities] = useState<ActivityDescriptor[] | null>(null);
  const [firstRender, setFirstRender] = useState<number | null>(null);
  const [result, setResult] = useState<PerfResult | null>(null);
  const prepared = useRef({ at: 0, layout: 0 });

  useEffect(() => {
    loadActivities().then(setActivities, () => setActivities(fixture as ActivityDescriptor[]));
  }, []);

  const loaded = useMemo(() => {
    if (!activities) return null;
    const t = performance.now();
    const descriptors = descriptorMap(activities);
    const generated = generateFlow(count);
    const laid = autoLayout(flowToGraph(generated, descriptors), {
      sizeOf: (n) => ({ width: estimateNodeWidth(outcomesFor(descriptors.get(n.data.type), n.data.inputs).length), height: NODE_HEIGHT }),
    });
    const definition: FlowDefinition = graphToFlow(laid);
    const now = new Date().toISOString();
    prepared.current = { at: performance.now() - t0.current, layout: performance.now() - t };
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

  const onFirstRender = useCallback(() => {
    // Two frames: the canvas has been laid out and painted.
    requestAnimationFrame(() => requestAnimationFrame(() => setFirstRender(performance.now() - t0.current)));
  }, []);

  const onPanned = useCallback((frames: number[]) => {
    const sorted = [...frames].sort((a, b) => a - b);
    const r: PerfResult = {
      nodes: loaded?.data.definition.nodes?.length ?? 0,
      edges: loaded?.data.definition.edges?.length ?? 0,
      firstRenderMs: Math.round(firstRender ?? 0),
      prepareMs: Math.round(prepared.current.at),
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
        {firstRender === null ? 'rendering…' : <>time to first render <b>{Math.round(firstRender)} ms</b> (goal &lt; 1000; of which {Math.round(prepared.current.at)} ms catalogue + generate + layout, {Math.round(prepared.current.layout)} ms layout)</>}{' '}
        {result && <>· pan frame avg <b>{result.panFrameAvgMs} ms</b>, p95 {result.panFrameP95Ms} ms, max {result.panFrameMaxMs} ms</>}
      </div>
      <ReactFlowProvider>
        <Designer loaded={loaded.data} activities={activities!} descriptors={loaded.descriptors} onReload={() => window.location.reload()} offline onFirstRender={onFirstRender} />
        <PanProbe ready={firstRender} onDone={onPanned} />
      </ReactFlowProvider>
    </div>
  );
}
