import { type NodeHandle, Position } from '@xyflow/react';
import type { ActivityDescriptor } from '../api/types';
import { type ActivityNode, type ActivityNodeData, type DescriptorMap, TARGET_HANDLE } from './model';
import { outcomesFor } from './outcomes';

// The size of a node on the canvas, and where its handles are, computed instead of measured. The node's CSS
// (`.fnode` in styles.css) lays it out to exactly this size: fixed row heights, the outcome row at the bottom, one
// equal-width column per outcome with its handle in the middle. Giving React Flow `width`, `height` and `handles` up
// front lets it place, cull (onlyRenderVisibleElements) and draw edges for all nodes without mounting and measuring
// each one first; the nodes it does mount are still measured and their measurement wins.

export const NODE_MIN_WIDTH = 200;
export const OUTCOME_WIDTH = 78;
/** Height of a node that has an outcome row (every activity but End-like ones). */
export const NODE_HEIGHT = 84;
/** The outcome row: 1px border + 2px + 13px line + 6px. */
export const OUTCOME_ROW_HEIGHT = 22;
/** Handles are 9×9 (`.fnode .react-flow__handle`). */
export const HANDLE_SIZE = 9;
/** `.fnode`'s side and bottom border as Chromium draws it at 1 device pixel per CSS pixel (1.5px snaps to 1px). */
const BORDER = 1;

/** The width a node renders at: wide enough for one labelled handle per outcome. */
export function estimateNodeWidth(outcomeCount: number): number {
  return Math.max(NODE_MIN_WIDTH, outcomeCount * OUTCOME_WIDTH + 16);
}

/** The height a node renders at: the fixed rows, plus the outcome row when it has outcomes. */
export function nodeHeight(outcomeCount: number): number {
  return outcomeCount > 0 ? NODE_HEIGHT : NODE_HEIGHT - OUTCOME_ROW_HEIGHT;
}

export interface NodeGeometry {
  width: number;
  height: number;
  handles: NodeHandle[];
}

/**
 * Size and handle boxes (relative to the node's top-left corner, as React Flow measures them) of a node with these
 * outcomes, in order, and an input handle on top unless it is a start node.
 */
export function nodeGeometry(outcomes: readonly string[], hasTarget: boolean): NodeGeometry {
  const width = estimateNodeWidth(outcomes.length);
  const height = nodeHeight(outcomes.length);
  const half = HANDLE_SIZE / 2;
  const handles: NodeHandle[] = [];
  if (hasTarget) {
    handles.push({ id: TARGET_HANDLE, type: 'target', position: Position.Top, x: width / 2 - half, y: -half, width: HANDLE_SIZE, height: HANDLE_SIZE });
  }
  const column = (width - 2 * BORDER) / Math.max(1, outcomes.length);
  // `.fnode .react-flow__handle-bottom { bottom: -5px }` then React Flow's translate(-50%, 50%).
  const y = height - BORDER + 5 - HANDLE_SIZE + half;
  outcomes.forEach((outcome, i) => {
    handles.push({ id: outcome, type: 'source', position: Position.Bottom, x: BORDER + column * (i + 0.5) - half, y, width: HANDLE_SIZE, height: HANDLE_SIZE });
  });
  return { width, height, handles };
}

/**
 * The handles a node shows, in order: its activity's outcomes, then outcomes that edges of the loaded document use
 * but the activity does not declare (shown in red).
 */
export function nodeOutcomes(descriptor: ActivityDescriptor | undefined, data: Pick<ActivityNodeData, 'inputs' | 'extraOutcomes'>): { declared: string[]; extra: string[] } {
  const declared = outcomesFor(descriptor, data.inputs);
  const extra = (data.extraOutcomes ?? []).filter((o) => !declared.includes(o));
  return { declared, extra };
}

/** The geometry of a canvas node (see {@link nodeGeometry}). */
export function activityGeometry(node: ActivityNode, descriptors: DescriptorMap): NodeGeometry {
  const descriptor = descriptors.get(node.data.type);
  const { declared, extra } = nodeOutcomes(descriptor, node.data);
  return nodeGeometry([...declared, ...extra], !descriptor?.isStart);
}

/**
 * Returns a function that gives each node its `width`, `height` and `handles` for React Flow, and, until React Flow
 * has measured it, the computed size as `measured` (so mounting a node whose DOM has exactly that size reports no
 * change, and does not round-trip through onNodesChange and the document). The result for a node object is cached,
 * so an unchanged node keeps its identity from one render to the next (React Flow then skips it); the designer's
 * document itself stays free of geometry.
 */
export function createGeometryDecorator(descriptors: DescriptorMap): (nodes: readonly ActivityNode[]) => ActivityNode[] {
  const cache = new WeakMap<ActivityNode, ActivityNode>();
  return (nodes) =>
    nodes.map((node) => {
      let shown = cache.get(node);
      if (!shown) {
        const { width, height, handles } = activityGeometry(node, descriptors);
        shown = { ...node, width, height, handles, measured: node.measured ?? { width, height } };
        cache.set(node, shown);
      }
      return shown;
    });
}
