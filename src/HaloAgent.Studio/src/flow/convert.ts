import type { FlowDefinition, FlowEdgeDef, FlowNodeDef, Json } from '../api/types';
import { type ActivityNode, type DescriptorMap, DONE, type FlowEdge, type FlowGraph, type FlowMeta, TARGET_HANDLE } from './model';
import { outcomesFor } from './outcomes';

export function edgeId(from: string, outcome: string, to: string): string {
  return `${from}\u2192${outcome}\u2192${to}`;
}

export function makeEdge(from: string, outcome: string, to: string): FlowEdge {
  return {
    id: edgeId(from, outcome, to),
    source: from,
    sourceHandle: outcome,
    target: to,
    targetHandle: TARGET_HANDLE,
    data: { outcome },
  };
}

export function makeNode(def: FlowNodeDef, fallbackPosition = { x: 0, y: 0 }): ActivityNode {
  const data: ActivityNode['data'] = { type: def.type, inputs: { ...(def.inputs ?? {}) } };
  if (def.label != null && def.label !== '') data.label = def.label;
  if (def.retry) data.retry = { ...def.retry };
  return {
    id: def.id,
    type: 'activity',
    position: def.position ? { x: def.position.x, y: def.position.y } : { ...fallbackPosition },
    data,
  };
}

/**
 * Flow JSON → React Flow graph. Node ids are the flow's node ids; each edge leaves its source through the handle
 * named after its outcome (missing outcome = Done) and enters the target's single input handle. Nodes without a
 * position are stacked below the others.
 */
export function flowToGraph(flow: FlowDefinition, descriptors?: DescriptorMap): FlowGraph {
  const { nodes = [], edges = [], ...meta } = flow;
  let missingY = 0;
  const maxY = Math.max(0, ...(nodes ?? []).map((n) => n.position?.y ?? 0));
  const graphNodes = (nodes ?? []).map((n) => {
    const node = makeNode(n, { x: 0, y: maxY + 140 + missingY });
    if (!n.position) missingY += 120;
    return node;
  });
  const seen = new Set<string>();
  const graphEdges: FlowEdge[] = [];
  for (const e of edges ?? []) {
    const edge = makeEdge(e.from, e.outcome || DONE, e.to);
    let id = edge.id;
    for (let i = 2; seen.has(id); i++) id = `${edge.id}#${i}`;
    seen.add(id);
    graphEdges.push({ ...edge, id });
  }
  if (descriptors) {
    const byId = new Map(graphNodes.map((n) => [n.id, n]));
    for (const e of graphEdges) {
      const node = byId.get(e.source);
      if (!node) continue;
      const declared = outcomesFor(descriptors.get(node.data.type), node.data.inputs);
      const outcome = e.sourceHandle ?? DONE;
      if (!declared.includes(outcome)) {
        node.data.extraOutcomes = [...(node.data.extraOutcomes ?? []), outcome].filter((v, i, a) => a.indexOf(v) === i);
      }
    }
  }
  return { meta: { ...meta } as FlowMeta, nodes: graphNodes, edges: graphEdges };
}

function cleanInputs(inputs: Record<string, Json>): Record<string, Json> | undefined {
  const entries = Object.entries(inputs).filter(([, v]) => v !== undefined);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

export function nodeToDef(node: ActivityNode): FlowNodeDef {
  const def: FlowNodeDef = { id: node.id, type: node.data.type };
  if (node.data.label) def.label = node.data.label;
  const inputs = cleanInputs(node.data.inputs ?? {});
  if (inputs) def.inputs = inputs;
  def.position = { x: Math.round(node.position.x), y: Math.round(node.position.y) };
  if (node.data.retry) def.retry = { ...node.data.retry };
  return def;
}

export function edgeToDef(edge: FlowEdge): FlowEdgeDef {
  return { from: edge.source, outcome: edge.sourceHandle || edge.data?.outcome || DONE, to: edge.target };
}

/** React Flow graph → flow JSON (the document saved, validated and exported). */
export function graphToFlow(graph: FlowGraph): FlowDefinition {
  const meta: FlowDefinition = { ...graph.meta } as FlowDefinition;
  return {
    ...meta,
    nodes: graph.nodes.map(nodeToDef),
    edges: graph.edges.map(edgeToDef),
  };
}

/**
 * The canonical form of a flow document, for comparisons: edges carry their outcome, null and empty members are
 * dropped, positions are whole numbers.
 */
export function normalizeFlow(flow: FlowDefinition): FlowDefinition {
  const out: FlowDefinition = { id: flow.id, name: flow.name };
  if (flow.description) out.description = flow.description;
  if (flow.version != null) out.version = flow.version;
  if (flow.options && Object.keys(flow.options).length) out.options = flow.options;
  if (flow.variables && flow.variables.length) out.variables = flow.variables;
  out.nodes = (flow.nodes ?? []).map((n) => {
    const node: FlowNodeDef = { id: n.id, type: n.type };
    if (n.label) node.label = n.label;
    if (n.inputs && Object.keys(n.inputs).length) node.inputs = n.inputs;
    node.position = { x: Math.round(n.position?.x ?? 0), y: Math.round(n.position?.y ?? 0) };
    if (n.retry) node.retry = n.retry;
    return node;
  });
  out.edges = (flow.edges ?? []).map((e) => ({ from: e.from, outcome: e.outcome || DONE, to: e.to }));
  return out;
}

// Per-object caches for flowKey: a node's JSON depends only on its id, data and (rounded) position, so selecting,
// measuring or dragging other nodes reuses it; an edge's JSON is cached per edge object.
const nodeJson = new WeakMap<ActivityNode['data'], { id: string; x: number; y: number; json: string }>();
const edgeJson = new WeakMap<FlowEdge, string>();

function nodeKey(node: ActivityNode): string {
  const x = Math.round(node.position.x);
  const y = Math.round(node.position.y);
  const cached = nodeJson.get(node.data);
  if (cached && cached.id === node.id && cached.x === x && cached.y === y) return cached.json;
  const json = JSON.stringify(nodeToDef(node));
  nodeJson.set(node.data, { id: node.id, x, y, json });
  return json;
}

function edgeKey(edge: FlowEdge): string {
  let json = edgeJson.get(edge);
  if (json === undefined) {
    json = JSON.stringify(edgeToDef(edge));
    edgeJson.set(edge, json);
  }
  return json;
}

/**
 * `JSON.stringify(graphToFlow(graph))`, the document as saved, compared for "unsaved changes" and sent for validation,
 * built from per-node and per-edge pieces that are reused while they do not change: the designer computes it after
 * every change of the canvas (each frame of a drag, each selection), so it must not re-serialise 200 nodes each time.
 */
export function flowKey(graph: FlowGraph): string {
  const meta = graph.meta as Record<string, unknown>;
  if ('nodes' in meta || 'edges' in meta) return JSON.stringify(graphToFlow(graph));
  const head = JSON.stringify(meta);
  const nodes = graph.nodes.map(nodeKey).join(',');
  const edges = graph.edges.map(edgeKey).join(',');
  return `${head === '{}' ? '{' : `${head.slice(0, -1)},`}"nodes":[${nodes}],"edges":[${edges}]}`;
}
