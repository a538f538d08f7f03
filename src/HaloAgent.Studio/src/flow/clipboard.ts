import type { FlowEdgeDef, FlowNodeDef } from '../api/types';
import { edgeToDef, makeEdge, makeNode, nodeToDef } from './convert';
import type { FlowGraph } from './model';
import { uniqueId } from './ids';

/** What copy puts on the clipboard (also as JSON text on the system clipboard, so it pastes across tabs). */
export interface ClipboardData {
  kind: 'haloagent/nodes';
  nodes: FlowNodeDef[];
  /** Only edges between copied nodes. */
  edges: FlowEdgeDef[];
}

export function copySelection(graph: FlowGraph, selectedIds: Iterable<string>): ClipboardData | null {
  const ids = new Set(selectedIds);
  const nodes = graph.nodes.filter((n) => ids.has(n.id)).map(nodeToDef);
  if (nodes.length === 0) return null;
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map(edgeToDef);
  return { kind: 'haloagent/nodes', nodes, edges };
}

export function parseClipboard(text: string): ClipboardData | null {
  try {
    const data = JSON.parse(text);
    if (data && data.kind === 'haloagent/nodes' && Array.isArray(data.nodes) && Array.isArray(data.edges)) return data as ClipboardData;
  } catch {
    /* not ours */
  }
  return null;
}

export interface PasteResult {
  graph: FlowGraph;
  /** Old id → new id of the pasted nodes. */
  idMap: Map<string, string>;
}

/**
 * Pastes clipboard nodes into a graph: every node gets a fresh id (kept when free, else suffixed -2, -3, ...), edges
 * between them are remapped to the new ids, positions are shifted by `offset`, and the pasted nodes become the
 * selection.
 */
export function pasteClipboard(graph: FlowGraph, clip: ClipboardData, offset = { x: 40, y: 40 }): PasteResult {
  const taken = new Set(graph.nodes.map((n) => n.id));
  const idMap = new Map<string, string>();
  for (const node of clip.nodes) {
    const id = uniqueId(node.id, taken);
    taken.add(id);
    idMap.set(node.id, id);
  }
  const pasted = clip.nodes.map((def) => {
    const node = makeNode({
      ...def,
      id: idMap.get(def.id)!,
      position: { x: (def.position?.x ?? 0) + offset.x, y: (def.position?.y ?? 0) + offset.y },
      inputs: def.inputs ? structuredClone(def.inputs) : undefined,
    });
    return { ...node, selected: true };
  });
  const edges = clip.edges
    .filter((e) => idMap.has(e.from) && idMap.has(e.to))
    .map((e) => ({ ...makeEdge(idMap.get(e.from)!, e.outcome || 'Done', idMap.get(e.to)!), selected: false }));
  return {
    idMap,
    graph: {
      ...graph,
      nodes: [...graph.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...pasted],
      edges: [...graph.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...edges],
    },
  };
}
