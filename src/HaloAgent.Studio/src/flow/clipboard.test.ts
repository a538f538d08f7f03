import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../api/types';
import { copySelection, parseClipboard, pasteClipboard } from './clipboard';
import { flowToGraph, graphToFlow } from './convert';

const flow: FlowDefinition = {
  id: 'f',
  name: 'F',
  nodes: [
    { id: 'start', type: 'Start', position: { x: 0, y: 0 } },
    { id: 'check', type: 'Decision', inputs: { condition: 'vars.a > 1' }, position: { x: 0, y: 100 } },
    { id: 'yes', type: 'Log', inputs: { message: 'yes' }, position: { x: -100, y: 200 } },
    { id: 'no', type: 'Log', inputs: { message: 'no' }, position: { x: 100, y: 200 } },
  ],
  edges: [
    { from: 'start', outcome: 'Done', to: 'check' },
    { from: 'check', outcome: 'True', to: 'yes' },
    { from: 'check', outcome: 'False', to: 'no' },
  ],
};

describe('clipboard', () => {
  it('copies the selected nodes and only the edges between them', () => {
    const graph = flowToGraph(flow);
    const clip = copySelection(graph, ['check', 'yes'])!;
    expect(clip.nodes.map((n) => n.id)).toEqual(['check', 'yes']);
    expect(clip.edges).toEqual([{ from: 'check', outcome: 'True', to: 'yes' }]);
    expect(copySelection(graph, [])).toBeNull();
  });

  it('pastes with fresh ids, remapped edges, offset positions and the paste selected', () => {
    const graph = flowToGraph(flow);
    const clip = copySelection(graph, ['check', 'yes', 'no'])!;
    const { graph: pasted, idMap } = pasteClipboard(graph, clip, { x: 50, y: 10 });
    expect(Object.fromEntries(idMap)).toEqual({ check: 'check-2', yes: 'yes-2', no: 'no-2' });
    const doc = graphToFlow(pasted);
    expect(doc.nodes).toHaveLength(7);
    expect(new Set(doc.nodes!.map((n) => n.id)).size).toBe(7);
    expect(doc.edges).toContainEqual({ from: 'check-2', outcome: 'True', to: 'yes-2' });
    expect(doc.edges).toContainEqual({ from: 'check-2', outcome: 'False', to: 'no-2' });
    expect(doc.edges).toHaveLength(5);
    expect(doc.nodes!.find((n) => n.id === 'yes-2')!.position).toEqual({ x: -50, y: 210 });
    expect(pasted.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['check-2', 'yes-2', 'no-2']);
    // pasting twice keeps ids unique and does not share input objects
    const again = pasteClipboard(pasted, clip).graph;
    expect(again.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['check-3', 'yes-3', 'no-3']);
    const a = again.nodes.find((n) => n.id === 'check-2')!;
    const b = again.nodes.find((n) => n.id === 'check-3')!;
    expect(a.data.inputs).not.toBe(b.data.inputs);
  });

  it('round-trips through clipboard text', () => {
    const clip = copySelection(flowToGraph(flow), ['yes'])!;
    expect(parseClipboard(JSON.stringify(clip))).toEqual(clip);
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard('{"kind":"other"}')).toBeNull();
  });
});
