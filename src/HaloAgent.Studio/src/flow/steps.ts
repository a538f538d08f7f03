import type { JournalEntry } from '../api/types';

/** What a node's run means to a person reading the instance: one line per kind of journal entry. */
const KIND_TEXT: Record<string, string> = { executed: 'Ran', resumed: 'Continued (the wait ended)', suspended: 'Waiting', faulted: 'Failed' };

export interface NodeStep {
  entry: JournalEntry;
  /** 1-based: the node's first, second, ... step in this instance (loops run a node more than once). */
  run: number;
  title: string;
}

/** The journal's steps of one node, in the order they happened, each with a short title. */
export function stepsOfNode(journal: readonly JournalEntry[], nodeId: string): NodeStep[] {
  return [...journal]
    .filter((e) => e.nodeId === nodeId)
    .sort((a, b) => a.sequence - b.sequence)
    .map((entry, i) => ({
      entry,
      run: i + 1,
      title: `${KIND_TEXT[entry.kind] ?? entry.kind}${entry.outcome ? ` → ${entry.outcome}` : ''}`,
    }));
}
