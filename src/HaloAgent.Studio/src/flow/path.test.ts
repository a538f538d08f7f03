import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../api/types';
import { edgeId } from './convert';
import { pathFromJournal } from './path';

const entry = (sequence: number, nodeId: string, kind: string, outcome?: string): JournalEntry => ({ sequence, nodeId, kind, outcome, activityType: 'X', startedAt: '' });

describe('instance path from the journal', () => {
  it('highlights the nodes run and the edges followed, including after a resume', () => {
    const journal = [
      entry(3, 'remember', 'executed', 'Done'),
      entry(1, 'start', 'executed', 'Done'),
      entry(2, 'split', 'executed', 'warm'),
      entry(4, 'wait', 'suspended'),
      entry(5, 'wait', 'resumed', 'Received'),
      entry(6, 'thanks', 'faulted'),
    ];
    const path = pathFromJournal(journal, { status: 'Faulted', currentNodeId: 'thanks' });
    expect([...path.edges]).toEqual([
      edgeId('start', 'Done', 'split'),
      edgeId('split', 'warm', 'remember'),
      edgeId('remember', 'Done', 'wait'),
      edgeId('wait', 'Received', 'thanks'),
    ]);
    expect(path.visits).toEqual({ start: 1, split: 1, remember: 1, wait: 1, thanks: 1 });
    expect(path.states).toMatchObject({ start: 'visited', wait: 'visited', thanks: 'faulted' });
  });

  it('marks the waiting node', () => {
    const path = pathFromJournal([entry(1, 'start', 'executed', 'Done'), entry(2, 'wait', 'suspended')], { status: 'Waiting', currentNodeId: 'wait' });
    expect(path.states.wait).toBe('waiting');
  });
});
