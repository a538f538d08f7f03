import type { InstanceSummary, JournalEntry } from '../api/types';
import { edgeId } from './convert';
import { DONE } from './model';

export type RunState = 'visited' | 'current' | 'faulted' | 'waiting';

/** The path an instance took, from its journal: nodes it ran (with how often) and the edges it followed. */
export function pathFromJournal(journal: readonly JournalEntry[], summary?: Pick<InstanceSummary, 'status' | 'currentNodeId'>) {
  const entries = [...journal].sort((a, b) => a.sequence - b.sequence);
  const visits: Record<string, number> = {};
  const edges = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry.kind !== 'resumed') visits[entry.nodeId] = (visits[entry.nodeId] ?? 0) + 1;
    const next = entries.slice(i + 1).find((e) => e.nodeId !== entry.nodeId || e.kind !== 'resumed');
    if (entry.outcome && next) edges.add(edgeId(entry.nodeId, entry.outcome || DONE, next.nodeId));
  }
  const states: Record<string, RunState> = {};
  for (const id of Object.keys(visits)) states[id] = 'visited';
  const faulted = entries.filter((e) => e.kind === 'faulted').at(-1);
  if (summary?.currentNodeId && (summary.status === 'Running' || summary.status === 'Waiting' || summary.status === 'Faulted')) {
    states[summary.currentNodeId] = summary.status === 'Faulted' ? 'faulted' : summary.status === 'Waiting' ? 'waiting' : 'current';
  } else if (faulted && summary?.status === 'Faulted') states[faulted.nodeId] = 'faulted';
  return { visits, edges, states };
}
