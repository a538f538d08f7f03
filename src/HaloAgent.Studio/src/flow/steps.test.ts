import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../api/types';
import { stepsOfNode } from './steps';

const entry = (sequence: number, nodeId: string, kind: string, outcome?: string): JournalEntry => ({
  sequence, nodeId, kind, outcome, activityType: 'Ask', startedAt: '2026-01-01T00:00:00Z', inputs: { question: `q${sequence}` }, output: { answer: sequence },
});

describe('stepsOfNode', () => {
  it("lists one node's steps in order, numbered, with what happened", () => {
    const journal = [entry(4, 'ask', 'resumed', 'Done'), entry(1, 'start', 'executed', 'Done'), entry(2, 'ask', 'suspended'), entry(5, 'end', 'executed')];
    const steps = stepsOfNode(journal, 'ask');
    expect(steps.map((s) => [s.run, s.entry.sequence, s.title])).toEqual([[1, 2, 'Waiting'], [2, 4, 'Continued (the wait ended) → Done']]);
    expect(steps[1].entry.inputs).toEqual({ question: 'q4' });
  });

  it('says a failure, and nothing for a node that never ran', () => {
    expect(stepsOfNode([entry(3, 'pay', 'faulted')], 'pay')[0].title).toBe('Failed');
    expect(stepsOfNode([entry(3, 'pay', 'faulted')], 'other')).toEqual([]);
  });
});
