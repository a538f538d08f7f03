import { Graph, layout } from '@dagrejs/dagre';
import { NODE_HEIGHT, NODE_MIN_WIDTH } from './geometry';
import type { ActivityNode, FlowGraph } from './model';

export { estimateNodeWidth, NODE_HEIGHT, NODE_MIN_WIDTH, OUTCOME_WIDTH } from './geometry';

export interface LayoutOptions {
  direction?: 'TB' | 'LR';
  /** Measured or estimated size of a node. */
  sizeOf?: (node: ActivityNode) => { width: number; height: number };
  /** Only move these nodes (others stay put); default all. */
  only?: ReadonlySet<string>;
}

/**
 * Top-to-bottom layered layout (dagre). Edges are ordered by their outcome handle so a Switch's cases fan out left to
 * right in the order of its handles. Returns a new graph; positions are whole numbers.
 */
export function autoLayout(graph: FlowGraph, options: LayoutOptions = {}): FlowGraph {
  const sizeOf = options.sizeOf ?? ((n: ActivityNode) => ({ width: n.measured?.width ?? NODE_MIN_WIDTH, height: n.measured?.height ?? NODE_HEIGHT }));
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: options.direction ?? 'TB', nodesep: 36, ranksep: 72, edgesep: 16, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) {
    const { width, height } = sizeOf(node);
    g.setNode(node.id, { width, height });
  }
  for (const edge of graph.edges) {
    if (g.hasNode(edge.source) && g.hasNode(edge.target) && edge.source !== edge.target) {
      g.setEdge(edge.source, edge.target, {}, edge.id);
    }
  }
  layout(g);
  const only = options.only;
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      if (only && !only.has(node.id)) return node;
      const laid = g.node(node.id) as { x: number; y: number; width: number; height: number } | undefined;
      if (!laid) return node;
      return { ...node, position: { x: Math.round(laid.x - laid.width / 2), y: Math.round(laid.y - laid.height / 2) } };
    }),
  };
}
