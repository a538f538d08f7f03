import type { FlowDefinition, FlowEdgeDef, FlowNodeDef, Json } from '../api/types';
import { DONE } from './model';

export interface FieldChange {
  /** `type`, `label`, `inputs.<name>`, `retry`, or for the document `name`, `description`, `options`, `variables`. */
  field: string;
  before: Json | undefined;
  after: Json | undefined;
}

export interface NodeChange {
  id: string;
  type: string;
  changes: FieldChange[];
}

export interface FlowDiff {
  meta: FieldChange[];
  nodesAdded: FlowNodeDef[];
  nodesRemoved: FlowNodeDef[];
  nodesChanged: NodeChange[];
  /** Nodes whose only change is their position on the canvas. */
  nodesMoved: string[];
  edgesAdded: FlowEdgeDef[];
  edgesRemoved: FlowEdgeDef[];
}

/** Order-insensitive for object keys, order-sensitive for arrays. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

const same = (a: unknown, b: unknown) => stableStringify(a ?? null) === stableStringify(b ?? null);
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

function edgeKey(e: FlowEdgeDef): string {
  return `${e.from}\u0000${e.outcome || DONE}\u0000${e.to}`;
}

/** What changed from `before` to `after`: nodes added, removed, changed (per field and input), moved; edges added and removed. */
export function diffFlows(before: FlowDefinition, after: FlowDefinition): FlowDiff {
  const meta: FieldChange[] = [];
  for (const field of ['name', 'description', 'options', 'variables'] as const) {
    const a = emptyToUndefined(before[field]);
    const b = emptyToUndefined(after[field]);
    const aEmpty = a === undefined || (Array.isArray(a) && a.length === 0);
    const bEmpty = b === undefined || (Array.isArray(b) && b.length === 0);
    if (aEmpty && bEmpty) continue;
    if (!same(a, b)) meta.push({ field, before: a as Json | undefined, after: b as Json | undefined });
  }

  const beforeNodes = new Map((before.nodes ?? []).map((n) => [n.id, n]));
  const afterNodes = new Map((after.nodes ?? []).map((n) => [n.id, n]));
  const nodesAdded = (after.nodes ?? []).filter((n) => !beforeNodes.has(n.id));
  const nodesRemoved = (before.nodes ?? []).filter((n) => !afterNodes.has(n.id));
  const nodesChanged: NodeChange[] = [];
  const nodesMoved: string[] = [];

  for (const [id, b] of afterNodes) {
    const a = beforeNodes.get(id);
    if (!a) continue;
    const changes: FieldChange[] = [];
    if (a.type !== b.type) changes.push({ field: 'type', before: a.type, after: b.type });
    if ((a.label || '') !== (b.label || '')) changes.push({ field: 'label', before: a.label ?? undefined, after: b.label ?? undefined });
    const names = new Set([...Object.keys(a.inputs ?? {}), ...Object.keys(b.inputs ?? {})]);
    for (const name of [...names].sort()) {
      const va = a.inputs?.[name];
      const vb = b.inputs?.[name];
      if (!same(emptyToUndefined(va), emptyToUndefined(vb))) changes.push({ field: `inputs.${name}`, before: va, after: vb });
    }
    if (!same(a.retry, b.retry)) changes.push({ field: 'retry', before: (a.retry ?? undefined) as Json | undefined, after: (b.retry ?? undefined) as Json | undefined });
    if (changes.length) nodesChanged.push({ id, type: b.type, changes });
    else if (Math.round(a.position?.x ?? 0) !== Math.round(b.position?.x ?? 0) || Math.round(a.position?.y ?? 0) !== Math.round(b.position?.y ?? 0)) {
      nodesMoved.push(id);
    }
  }

  const beforeEdges = new Map((before.edges ?? []).map((e) => [edgeKey(e), e]));
  const afterEdges = new Map((after.edges ?? []).map((e) => [edgeKey(e), e]));
  const norm = (e: FlowEdgeDef): FlowEdgeDef => ({ from: e.from, outcome: e.outcome || DONE, to: e.to });
  const edgesAdded = [...afterEdges].filter(([k]) => !beforeEdges.has(k)).map(([, e]) => norm(e));
  const edgesRemoved = [...beforeEdges].filter(([k]) => !afterEdges.has(k)).map(([, e]) => norm(e));

  return { meta, nodesAdded, nodesRemoved, nodesChanged, nodesMoved, edgesAdded, edgesRemoved };
}

export function isEmptyDiff(d: FlowDiff): boolean {
  return (
    d.meta.length + d.nodesAdded.length + d.nodesRemoved.length + d.nodesChanged.length + d.nodesMoved.length + d.edgesAdded.length + d.edgesRemoved.length ===
    0
  );
}

/** A short JSON-ish rendering of a value for the diff view. */
export function showValue(value: Json | undefined, max = 160): string {
  if (value === undefined) return '(not set)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The diff as plain text lines, e.g. for a summary or a test. */
export function describeDiff(d: FlowDiff): string[] {
  const lines: string[] = [];
  for (const m of d.meta) lines.push(`~ ${m.field}: ${showValue(m.before)} → ${showValue(m.after)}`);
  for (const n of d.nodesAdded) lines.push(`+ node ${n.id} (${n.type})`);
  for (const n of d.nodesRemoved) lines.push(`- node ${n.id} (${n.type})`);
  for (const n of d.nodesChanged) for (const c of n.changes) lines.push(`~ ${n.id}.${c.field}: ${showValue(c.before)} → ${showValue(c.after)}`);
  for (const id of d.nodesMoved) lines.push(`↔ ${id} moved`);
  for (const e of d.edgesAdded) lines.push(`+ edge ${e.from} --${e.outcome}--> ${e.to}`);
  for (const e of d.edgesRemoved) lines.push(`- edge ${e.from} --${e.outcome}--> ${e.to}`);
  return lines;
}
