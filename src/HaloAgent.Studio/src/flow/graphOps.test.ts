import { describe, expect, it } from 'vitest';
import activities from '../test/activities.fixture.json';
import type { ActivityDescriptor } from '../api/types';
import { flowToGraph, graphToFlow } from './convert';
import { generateFlow } from './generate';
import { addActivity, connect, renameNode, renameOutcome } from './graphOps';
import { autoLayout } from './layout';
import { descriptorMap } from './model';

const descriptors = descriptorMap(activities as ActivityDescriptor[]);

describe('graph operations', () => {
  const graph = flowToGraph({
    id: 'f',
    name: 'F',
    nodes: [
      { id: 'start', type: 'Start' },
      { id: 'sw', type: 'Switch', inputs: { cases: [{ name: 'big', condition: 'true' }] } },
      { id: 'a', type: 'Log' },
      { id: 'b', type: 'Log' },
    ],
    edges: [{ from: 'start', to: 'sw' }, { from: 'sw', outcome: 'big', to: 'a' }],
  });

  it('connecting an outcome replaces its previous edge and refuses edges into Start', () => {
    const result = connect(graph, { source: 'sw', sourceHandle: 'big', target: 'b', targetHandle: 'in' }, descriptors);
    expect('graph' in result && graphToFlow(result.graph).edges).toEqual([
      { from: 'start', outcome: 'Done', to: 'sw' },
      { from: 'sw', outcome: 'big', to: 'b' },
    ]);
    expect(connect(graph, { source: 'a', sourceHandle: 'Done', target: 'start', targetHandle: 'in' }, descriptors)).toHaveProperty('error');
  });

  it('renames node ids and outcomes along with their edges', () => {
    const renamed = renameNode(graph, 'sw', 'route')!;
    expect(graphToFlow(renamed).edges).toEqual([
      { from: 'start', outcome: 'Done', to: 'route' },
      { from: 'route', outcome: 'big', to: 'a' },
    ]);
    expect(renameNode(graph, 'sw', 'a')).toBeNull();
    expect(graphToFlow(renameOutcome(graph, 'sw', 'big', 'large')).edges![1]).toEqual({ from: 'sw', outcome: 'large', to: 'a' });
  });

  it('adds activities with unique ids and default variants', () => {
    const { graph: next, id } = addActivity(graph, descriptors.get('Split')!, { x: 1, y: 2 });
    expect(id).toBe('split');
    expect(next.nodes.at(-1)!.data.inputs.variants).toHaveLength(2);
    expect(addActivity(next, descriptors.get('Split')!, { x: 0, y: 0 }).id).toBe('split-2');
  });

  it('lays out a generated 200-node flow top to bottom', () => {
    const flow = generateFlow(200);
    expect(flow.nodes).toHaveLength(200);
    const laid = autoLayout(flowToGraph(flow, descriptors));
    const y = (id: string) => laid.nodes.find((n) => n.id === id)!.position.y;
    expect(y('start')).toBeLessThan(y('end'));
    for (const e of laid.edges) expect(y(e.source)).toBeLessThan(y(e.target));
  });
});
