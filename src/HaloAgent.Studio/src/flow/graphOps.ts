import type { Connection } from '@xyflow/react';
import type { ActivityDescriptor, Json } from '../api/types';
import { edgeId, makeEdge, makeNode } from './convert';
import { idForType, uniqueId } from './ids';
import { type ActivityNode, type ActivityNodeData, type DescriptorMap, DONE, type FlowGraph } from './model';

/** Adds a node of an activity type at a position, selected, with required inputs pre-filled from their defaults. */
export function addActivity(graph: FlowGraph, descriptor: ActivityDescriptor, position: { x: number; y: number }): { graph: FlowGraph; id: string } {
  const id = uniqueId(idForType(descriptor.type), new Set(graph.nodes.map((n) => n.id)));
  const inputs: Record<string, Json> = {};
  for (const input of descriptor.inputs) {
    if (input.kind === 'Cases' && input.required) inputs[input.name] = [{ name: 'case1', condition: 'true' }];
    if (input.kind === 'Variants' && input.required) inputs[input.name] = [{ name: 'A', weight: 50 }, { name: 'B', weight: 50 }];
  }
  const node: ActivityNode = { ...makeNode({ id, type: descriptor.type, inputs, position }), selected: true };
  return {
    id,
    graph: {
      ...graph,
      nodes: [...graph.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node],
      edges: graph.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
    },
  };
}

export type ConnectResult = { graph: FlowGraph } | { error: string };

/**
 * Connects an outcome to a node. An outcome leads to one node, so an existing edge from the same outcome is replaced;
 * nothing may lead into a Start node.
 */
export function connect(graph: FlowGraph, connection: Connection, descriptors: DescriptorMap): ConnectResult {
  const { source, target } = connection;
  const outcome = connection.sourceHandle || DONE;
  if (!source || !target) return { error: 'Drop the connection on a node.' };
  const targetNode = graph.nodes.find((n) => n.id === target);
  if (!targetNode) return { error: 'Drop the connection on a node.' };
  if (descriptors.get(targetNode.data.type)?.isStart) return { error: 'Nothing can lead into a Start node; Start nodes are entry points only.' };
  const edges = graph.edges.filter((e) => !(e.source === source && (e.sourceHandle || DONE) === outcome));
  edges.push(makeEdge(source, outcome, target));
  return { graph: { ...graph, edges } };
}

export function updateNodeData(graph: FlowGraph, id: string, update: (data: ActivityNodeData) => ActivityNodeData): FlowGraph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === id ? { ...n, data: update(n.data) } : n)) };
}

export function setInput(graph: FlowGraph, id: string, name: string, value: Json | undefined): FlowGraph {
  return updateNodeData(graph, id, (data) => {
    const inputs = { ...data.inputs };
    if (value === undefined || value === '') delete inputs[name];
    else inputs[name] = value;
    return { ...data, inputs };
  });
}

/** Renames a node id and every edge that touches it; refuses ids in use. */
export function renameNode(graph: FlowGraph, oldId: string, newId: string): FlowGraph | null {
  if (oldId === newId) return graph;
  if (!newId || graph.nodes.some((n) => n.id === newId)) return null;
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (n.id === oldId ? { ...n, id: newId } : n)),
    edges: graph.edges.map((e) => {
      if (e.source !== oldId && e.target !== oldId) return e;
      const source = e.source === oldId ? newId : e.source;
      const target = e.target === oldId ? newId : e.target;
      return { ...e, id: edgeId(source, e.sourceHandle || DONE, target), source, target };
    }),
  };
}

/** Renames an outcome of a node (a Switch case or Split variant was renamed): its edge follows. */
export function renameOutcome(graph: FlowGraph, nodeId: string, from: string, to: string): FlowGraph {
  if (from === to) return graph;
  return {
    ...graph,
    edges: graph.edges.map((e) =>
      e.source === nodeId && (e.sourceHandle || DONE) === from ? { ...makeEdge(e.source, to, e.target), selected: e.selected } : e,
    ),
  };
}

/** Removes edges from outcomes a node no longer has (a case or variant was deleted). */
export function pruneOutcomes(graph: FlowGraph, nodeId: string, outcomes: readonly string[]): FlowGraph {
  const keep = graph.edges.filter((e) => e.source !== nodeId || outcomes.includes(e.sourceHandle || DONE));
  return keep.length === graph.edges.length ? graph : { ...graph, edges: keep };
}

export function deleteSelection(graph: FlowGraph): FlowGraph {
  const removed = new Set(graph.nodes.filter((n) => n.selected).map((n) => n.id));
  if (removed.size === 0 && !graph.edges.some((e) => e.selected)) return graph;
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => !removed.has(n.id)),
    edges: graph.edges.filter((e) => !e.selected && !removed.has(e.source) && !removed.has(e.target)),
  };
}
