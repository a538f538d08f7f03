import { describe, expect, it } from 'vitest';
import ordering from '../../../../workflows/ordering.json';
import welcome from '../../../../workflows/welcome-journey.json';
import activities from '../test/activities.fixture.json';
import type { ActivityDescriptor, FlowDefinition } from '../api/types';
import { flowKey, flowToGraph, graphToFlow, normalizeFlow } from './convert';
import { generateFlow } from './generate';
import { setInput } from './graphOps';
import { descriptorMap } from './model';
import { outcomesFor } from './outcomes';

const descriptors = descriptorMap(activities as ActivityDescriptor[]);

describe('flow ⇄ graph conversion', () => {
  for (const [name, flow] of [['ordering', ordering], ['welcome-journey', welcome]] as const) {
    it(`round-trips the shipped ${name} flow`, () => {
      const doc = flow as unknown as FlowDefinition;
      const graph = flowToGraph(doc, descriptors);
      expect(graph.nodes).toHaveLength(doc.nodes!.length);
      expect(graph.edges).toHaveLength(doc.edges!.length);
      expect(graphToFlow(graph)).toEqual(normalizeFlow(doc));
    });
  }

  it('gives every edge a handle named after its outcome (Done by default)', () => {
    const graph = flowToGraph(welcome as unknown as FlowDefinition, descriptors);
    const fromStart = graph.edges.find((e) => e.source === 'start')!;
    expect(fromStart.sourceHandle).toBe('Done');
    expect(fromStart.targetHandle).toBe('in');
    const warm = graph.edges.find((e) => e.source === 'split' && e.target === 'welcome-warm')!;
    expect(warm.sourceHandle).toBe('warm');
  });

  it('derives dynamic outcomes from Switch cases and Split variants', () => {
    const graph = flowToGraph(ordering as unknown as FlowDefinition, descriptors);
    const route = graph.nodes.find((n) => n.id === 'route')!;
    const outcomes = outcomesFor(descriptors.get('Switch'), route.data.inputs);
    // One outcome per case, in the flow's order, then Default: read from the shipped file so edits to it stay covered.
    const cases = (route.data.inputs.cases as { name: string }[]).map((c) => c.name);
    expect(cases.length).toBeGreaterThan(3);
    expect(outcomes).toEqual([...cases, 'Default']);
    expect(outcomesFor(descriptors.get('Split'), { variants: [{ name: 'A', weight: 1 }, { name: 'B', weight: 2 }] })).toEqual(['A', 'B']);
    expect(outcomesFor(descriptors.get('Decision'), {})).toEqual(['True', 'False']);
    expect(outcomesFor(descriptors.get('End'), {})).toEqual([]);
  });

  it('every shipped edge leaves through a declared outcome', () => {
    const graph = flowToGraph(ordering as unknown as FlowDefinition, descriptors);
    expect(graph.nodes.filter((n) => n.data.extraOutcomes?.length)).toEqual([]);
  });

  it('flags outcomes an activity does not declare and keeps duplicate edges distinct', () => {
    const graph = flowToGraph(
      {
        id: 'x',
        name: 'x',
        nodes: [{ id: 'd', type: 'Decision', inputs: { condition: 'true' } }, { id: 'e', type: 'End' }],
        edges: [{ from: 'd', outcome: 'Yes', to: 'e' }, { from: 'd', outcome: 'Yes', to: 'e' }],
      },
      descriptors,
    );
    expect(graph.nodes[0].data.extraOutcomes).toEqual(['Yes']);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(2);
  });
});

describe('flowKey', () => {
  const plain = (g: ReturnType<typeof flowToGraph>) => JSON.stringify(graphToFlow(g));

  it('is exactly JSON.stringify(graphToFlow(graph)), for shipped, generated and bare flows', () => {
    for (const doc of [ordering, welcome, generateFlow(60), { id: 'empty', name: '' }, { id: 'x', name: 'x', nodes: [{ id: 'e', type: 'End' }] }]) {
      const graph = flowToGraph(doc as unknown as FlowDefinition, descriptors);
      expect(flowKey(graph)).toBe(plain(graph));
    }
    const bare = { meta: {} as never, nodes: [], edges: [] };
    expect(flowKey(bare)).toBe(JSON.stringify(graphToFlow(bare)));
  });

  it('follows every change that matters to the document, and ignores selection and measuring', () => {
    const graph = flowToGraph(welcome as unknown as FlowDefinition, descriptors);
    const before = flowKey(graph);
    const selected = { ...graph, nodes: graph.nodes.map((n, i) => (i === 0 ? { ...n, selected: true, measured: { width: 200, height: 84 } } : n)) };
    expect(flowKey(selected)).toBe(before);

    const moved = { ...graph, nodes: graph.nodes.map((n, i) => (i === 1 ? { ...n, position: { x: n.position.x + 10.4, y: n.position.y } } : n)) };
    expect(flowKey(moved)).toBe(plain(moved));
    expect(flowKey(moved)).not.toBe(before);

    const edited = setInput(graph, graph.nodes[1].id, 'note', 'changed');
    expect(flowKey(edited)).toBe(plain(edited));
    expect(flowKey(edited)).not.toBe(before);

    const renamed = { ...graph, nodes: graph.nodes.map((n, i) => (i === 1 ? { ...n, id: 'renamed' } : n)) };
    expect(flowKey(renamed)).toBe(plain(renamed));

    const rewired = { ...graph, edges: graph.edges.slice(1) };
    expect(flowKey(rewired)).toBe(plain(rewired));

    const retitled = { ...graph, meta: { ...graph.meta, name: 'Another name', description: undefined } };
    expect(flowKey(retitled)).toBe(plain(retitled));
    expect(flowKey(graph)).toBe(before);
  });
});
