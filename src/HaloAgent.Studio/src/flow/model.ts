import type { Edge, Node } from '@xyflow/react';
import type { ActivityDescriptor, FlowDefinition, Json, RetryPolicy } from '../api/types';

/** What a canvas node carries: the flow node minus id and position (which React Flow holds). */
export interface ActivityNodeData extends Record<string, unknown> {
  type: string;
  label?: string | null;
  inputs: Record<string, Json>;
  retry?: RetryPolicy | null;
  /** Outcomes used by edges of the loaded document that the activity does not declare (shown in red). */
  extraOutcomes?: string[];
}

export type ActivityNode = Node<ActivityNodeData, 'activity'>;
export type FlowEdge = Edge<{ outcome: string }>;

/** The flow document apart from its nodes and edges: id, name, description, options, variables, ... */
export type FlowMeta = Omit<FlowDefinition, 'nodes' | 'edges'>;

/** The designer's document: what undo/redo snapshots. */
export interface FlowGraph {
  meta: FlowMeta;
  nodes: ActivityNode[];
  edges: FlowEdge[];
}

export const DONE = 'Done';
export const TARGET_HANDLE = 'in';

export type DescriptorMap = ReadonlyMap<string, ActivityDescriptor>;

export function descriptorMap(list: ActivityDescriptor[]): Map<string, ActivityDescriptor> {
  return new Map(list.map((d) => [d.type, d]));
}
