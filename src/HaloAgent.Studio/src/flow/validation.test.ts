import { describe, expect, it } from 'vitest';
import { describeError, mapValidationErrors } from './validation';

describe('validation error mapping', () => {
  const errors = [
    { nodeId: 'sw', field: 'cases[0].condition', message: 'Expression error: x' },
    { nodeId: 'sw', field: 'edges', message: "Edge sw --zz--> sp: 'zz' is not an outcome" },
    { nodeId: 'w', field: 'timeout', message: 'not a duration' },
    { nodeId: 'a', field: null, message: 'This node cannot be reached from any Start node.' },
    { nodeId: null, field: null, message: 'The flow needs a Start node.' },
    { nodeId: 'ghost', field: 'x', message: 'about a node that is not on the canvas' },
  ];

  it('groups errors by node and field, keeping the rest as general', () => {
    const mapped = mapValidationErrors(errors, ['sw', 'w', 'a', 'sp']);
    expect(Object.keys(mapped.byNode).sort()).toEqual(['a', 'sw', 'w']);
    expect(mapped.byNode.sw).toHaveLength(2);
    expect(mapped.byField.w.timeout).toEqual(['not a duration']);
    expect(mapped.byField.sw['cases[0].condition']).toEqual(['Expression error: x']);
    expect(mapped.byField.sw.cases).toEqual(['Expression error: x']);
    expect(mapped.byField.a['']).toEqual(['This node cannot be reached from any Start node.']);
    expect(mapped.general.map((e) => e.message)).toEqual(['The flow needs a Start node.', 'about a node that is not on the canvas']);
    expect(mapped.count).toBe(6);
  });

  it('returns the shared empty value without errors', () => {
    expect(mapValidationErrors([], ['a'])).toBe(mapValidationErrors([], ['b']));
  });

  it('describes an error like the docs', () => {
    expect(describeError({ nodeId: 'wait', field: 'timeout', message: 'bad' })).toBe("Node 'wait', input 'timeout': bad");
    expect(describeError({ message: 'The flow needs a name.' })).toBe('The flow needs a name.');
  });
});
