import { describe, expect, it } from 'vitest';
import { ApiError } from './http';
import { isGroup, problemMessages } from './segments';

describe('problemMessages', () => {
  it('lists every message of an ASP.NET validation problem, field by field', () => {
    const error = new ApiError(400, { status: 400, title: 'One or more validation errors occurred.', detail: '', errors: { name: ['Give the segment a name.'], filter: ['a', 'b'] } } as never, 'POST failed');
    expect(problemMessages(error)).toEqual(['Give the segment a name.', 'a', 'b']);
  });

  it('falls back to the problem title or the error message', () => {
    expect(problemMessages(new ApiError(404, { status: 404, title: "No segment 'x'.", detail: '' }, 'GET failed'))).toEqual(["No segment 'x'."]);
    expect(problemMessages(new Error('offline'))).toEqual(['offline']);
  });
});

describe('isGroup', () => {
  it('tells a nested group from a rule', () => {
    expect(isGroup({ match: 'any', conditions: [] })).toBe(true);
    expect(isGroup({ field: 'tag', op: 'has', value: 'vip' })).toBe(false);
  });
});
