import { describe, expect, it } from 'vitest';
import activities from '../test/activities.fixture.json';
import type { ActivityDescriptor } from '../api/types';
import { makeNode } from './convert';
import { activityGeometry, createGeometryDecorator, estimateNodeWidth, NODE_HEIGHT, nodeGeometry, nodeHeight, nodeOutcomes, OUTCOME_ROW_HEIGHT } from './geometry';
import { descriptorMap } from './model';

const descriptors = descriptorMap(activities as ActivityDescriptor[]);

describe('node geometry (what React Flow gets instead of measuring)', () => {
  it('sizes a node for its outcomes: 200 wide up to two, 78 more per outcome after that', () => {
    expect(estimateNodeWidth(0)).toBe(200);
    expect(estimateNodeWidth(2)).toBe(200);
    expect(estimateNodeWidth(3)).toBe(250);
    expect(estimateNodeWidth(5)).toBe(406);
    expect(nodeHeight(1)).toBe(NODE_HEIGHT);
    expect(nodeHeight(0)).toBe(NODE_HEIGHT - OUTCOME_ROW_HEIGHT);
  });

  // The positions below are what Chromium measures on the rendered node (styles.css), at any zoom.
  it('puts the input handle on the top centre and one output handle in the middle of each outcome column', () => {
    const one = nodeGeometry(['Done'], true);
    expect(one).toMatchObject({ width: 200, height: 84 });
    expect(one.handles).toEqual([
      { id: 'in', type: 'target', position: 'top', x: 95.5, y: -4.5, width: 9, height: 9 },
      { id: 'Done', type: 'source', position: 'bottom', x: 95.5, y: 83.5, width: 9, height: 9 },
    ]);
    const two = nodeGeometry(['True', 'False'], true);
    expect(two.handles.filter((h) => h.type === 'source').map((h) => [h.id, h.x, h.y])).toEqual([['True', 46, 83.5], ['False', 145, 83.5]]);
  });

  it('spreads many outcomes over a wider node, in order', () => {
    const g = nodeGeometry(['a', 'b', 'c', 'Default'], true);
    expect(g.width).toBe(328);
    const xs = g.handles.filter((h) => h.type === 'source').map((h) => h.x + 4.5);
    expect(xs).toEqual([41.75, 123.25, 204.75, 286.25]);
    expect(xs[0] - 1).toBeCloseTo((g.width - 2) / 8);
  });

  it('gives a start node no input handle and an end node no output row', () => {
    const start = activityGeometry(makeNode({ id: 's', type: 'Start' }), descriptors);
    expect(start.handles.map((h) => h.id)).toEqual(['Done']);
    const end = activityGeometry(makeNode({ id: 'e', type: 'End' }), descriptors);
    expect(end).toMatchObject({ width: 200, height: NODE_HEIGHT - OUTCOME_ROW_HEIGHT });
    expect(end.handles.map((h) => h.type)).toEqual(['target']);
  });

  it('follows dynamic outcomes and keeps outcomes that edges use but the activity lacks, after the declared ones', () => {
    const node = makeNode({ id: 'sw', type: 'Switch', inputs: { cases: [{ name: 'big', condition: 'true' }, { name: 'small', condition: 'false' }] } });
    node.data.extraOutcomes = ['Gone'];
    const outcomes = nodeOutcomes(descriptors.get('Switch'), node.data);
    expect(outcomes).toEqual({ declared: ['big', 'small', 'Default'], extra: ['Gone'] });
    const g = activityGeometry(node, descriptors);
    expect(g.width).toBe(estimateNodeWidth(4));
    expect(g.handles.filter((h) => h.type === 'source').map((h) => h.id)).toEqual(['big', 'small', 'Default', 'Gone']);
  });

  it('treats an unknown activity as a node with an input and no outputs', () => {
    const g = activityGeometry(makeNode({ id: 'x', type: 'NoSuchActivity' }), descriptors);
    expect(g.handles.map((h) => h.id)).toEqual(['in']);
    expect(g.height).toBe(NODE_HEIGHT - OUTCOME_ROW_HEIGHT);
  });
});

describe('createGeometryDecorator', () => {
  it('adds width, height, handles and the computed size as measured, without touching the document node', () => {
    const decorate = createGeometryDecorator(descriptors);
    const node = makeNode({ id: 'log', type: 'Log', inputs: { message: 'hi' }, position: { x: 10, y: 20 } });
    const [shown] = decorate([node]);
    expect(shown).toMatchObject({ id: 'log', position: { x: 10, y: 20 }, width: 200, height: 84, measured: { width: 200, height: 84 } });
    expect(shown.handles).toHaveLength(2);
    expect(shown.data).toBe(node.data);
    expect(node).not.toHaveProperty('width');
    expect(node).not.toHaveProperty('handles');
  });

  it('keeps a size React Flow measured', () => {
    const decorate = createGeometryDecorator(descriptors);
    const node = { ...makeNode({ id: 'log', type: 'Log' }), measured: { width: 204, height: 90 } };
    expect(decorate([node])[0].measured).toEqual({ width: 204, height: 90 });
  });

  it('returns the same object for an unchanged node, and a new one for a changed node', () => {
    const decorate = createGeometryDecorator(descriptors);
    const a = makeNode({ id: 'a', type: 'Log' });
    const b = makeNode({ id: 'b', type: 'Delay' });
    const first = decorate([a, b]);
    const moved = { ...b, position: { x: 5, y: 5 } };
    const second = decorate([a, moved]);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1].position).toEqual({ x: 5, y: 5 });
  });
});
