import { applyEdgeChanges, applyNodeChanges, type Connection, type Edge, type EdgeChange, type Node, type NodeChange, type ReactFlowInstance } from '@xyflow/react';
import { type DragEvent, type RefObject, useCallback, useMemo, useRef } from 'react';
import type { Json } from '../api/types';
import { makeEdge, makeNode } from '../flow/convert';
import { activityGeometry } from '../flow/geometry';
import { addActivity, connect, deleteSelection, pruneOutcomes, renameNode, renameOutcome, setInput, updateNodeData } from '../flow/graphOps';
import { uniqueId } from '../flow/ids';
import { autoLayout } from '../flow/layout';
import type { ActivityNode, DescriptorMap, FlowEdge, FlowGraph } from '../flow/model';
import { outcomesFor } from '../flow/outcomes';
import { DRAG_TYPE } from './Palette';
import type { PanelActions } from './PropertyPanel';
import type { FlowDocument } from './useFlowDocument';

interface Options {
  doc: Pick<FlowDocument, 'apply' | 'dispatch' | 'presentRef' | 'present'>;
  descriptors: DescriptorMap;
  flow: ReactFlowInstance<ActivityNode, FlowEdge>;
  wrapper: RefObject<HTMLDivElement | null>;
  flash: (text: string, kind?: 'info' | 'success' | 'error') => void;
}

/**
 * Every edit made on the canvas and in the property panel, as graph operations on the document: React Flow's
 * changes (removals go through onDelete, as one undo step), connecting, dragging (one undo step per drag), adding
 * from the palette, auto-layout, and the panel's actions.
 */
export function useCanvasEditing({ doc, descriptors, flow, wrapper, flash }: Options) {
  const { apply, dispatch, presentRef, present } = doc;
  const dragBase = useRef<FlowGraph | null>(null);

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
  }, [apply, descriptors, flash, presentRef]);

  const onDragStart = useCallback(() => {
    dragBase.current = presentRef.current;
  }, [presentRef]);
  const onDragStop = useCallback(() => {
    if (dragBase.current) dispatch({ type: 'commit', from: dragBase.current });
    dragBase.current = null;
  }, [dispatch]);

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
  }, [addAt, flow, wrapper]);

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
  }, [apply, flow, presentRef]);

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
  }), [apply, descriptors, presentRef, selectNode]);

  const editorContext = useMemo(() => {
    // The product's own events come from GET /api/events/catalog (the field loads it); these are the flow's.
    const events = new Set<string>();
    for (const n of present.nodes) if (typeof n.data.inputs.event === 'string') events.add(n.data.inputs.event);
    return { variables: (present.meta.variables ?? []).map((v) => v.name), eventNames: [...events].sort() };
  }, [present.nodes, present.meta.variables]);

  return {
    canvas: { onNodesChange, onEdgesChange, onConnect, onDelete, onNodeDragStart: onDragStart, onNodeDragStop: onDragStop, onSelectionDragStart: onDragStart, onSelectionDragStop: onDragStop },
    onDrop, onDragOver, addFromPalette, layout, selectNode, actions, editorContext,
  };
}
