import { describe, expect, it } from 'vitest';
import welcome from '../../../../workflows/welcome-journey.json';
import type { FlowDefinition } from '../api/types';
import { describeDiff, diffFlows, isEmptyDiff } from './diff';

const base = welcome as unknown as FlowDefinition;

function edit(change: (f: FlowDefinition) => void): FlowDefinition {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

describe('version diff', () => {
  it('finds nothing between equal versions (outcome Done written or not)', () => {
    const same = edit((f) => f.edges!.forEach((e) => (e.outcome = e.outcome ?? 'Done')));
    expect(isEmptyDiff(diffFlows(base, same))).toBe(true);
  });

  it('reports added/removed nodes, changed inputs, moves and edges', () => {
    const next = edit((f) => {
      f.name = 'Welcome journey v2';
      f.nodes = f.nodes!.filter((n) => n.id !== 'nudge');
      f.edges = f.edges!.filter((e) => e.from !== 'nudge' && e.to !== 'nudge');
      f.nodes.push({ id: 'nudge-2', type: 'Log', inputs: { message: 'Hi again' }, position: { x: 0, y: 0 } });
      f.edges.push({ from: 'wait-order', outcome: 'TimedOut', to: 'nudge-2' });
      const wait = f.nodes.find((n) => n.id === 'wait-order')!;
      wait.inputs = { ...wait.inputs, timeout: '2d' };
      f.nodes.find((n) => n.id === 'thanks')!.position = { x: 999, y: 999 };
      f.nodes.find((n) => n.id === 'split')!.label = 'A/B';
    });
    const d = diffFlows(base, next);
    expect(d.meta).toEqual([{ field: 'name', before: 'Welcome journey', after: 'Welcome journey v2' }]);
    expect(d.nodesAdded.map((n) => n.id)).toEqual(['nudge-2']);
    expect(d.nodesRemoved.map((n) => n.id)).toEqual(['nudge']);
    expect(d.nodesChanged).toEqual([
      { id: 'split', type: 'Split', changes: [{ field: 'label', before: 'Welcome A/B', after: 'A/B' }] },
      { id: 'wait-order', type: 'WaitForEvent', changes: [{ field: 'inputs.timeout', before: '1d', after: '2d' }] },
    ]);
    expect(d.nodesMoved).toEqual(['thanks']);
    expect(d.edgesAdded).toEqual([{ from: 'wait-order', outcome: 'TimedOut', to: 'nudge-2' }]);
    expect(d.edgesRemoved).toEqual([
      { from: 'wait-order', outcome: 'TimedOut', to: 'nudge' },
      { from: 'nudge', outcome: 'Done', to: 'end' },
    ]);
    expect(describeDiff(d)).toContain('~ wait-order.inputs.timeout: 1d → 2d');
  });

  it('compares inputs structurally, ignoring object key order', () => {
    const next = edit((f) => {
      const split = f.nodes!.find((n) => n.id === 'split')!;
      split.inputs = { variants: [{ weight: 50, name: 'warm' }, { weight: 50, name: 'offer' }] };
    });
    expect(isEmptyDiff(diffFlows(base, next))).toBe(true);
    const weights = edit((f) => {
      f.nodes!.find((n) => n.id === 'split')!.inputs = { variants: [{ name: 'warm', weight: 70 }, { name: 'offer', weight: 30 }] };
    });
    expect(diffFlows(base, weights).nodesChanged[0].changes[0].field).toBe('inputs.variants');
  });
});
