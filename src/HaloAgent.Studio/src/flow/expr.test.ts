import { describe, expect, it } from 'vitest';
import ordering from '../../../../workflows/ordering.json';
import type { ExpressionFunction } from '../api/types';
import served from '../test/functions.fixture.json';
import { checkExpression, loadFunctions, toFunctionTable } from './expr';
import { checkCron, checkDuration, describeDuration, parseDuration } from './values';

// What GET /api/flows/functions serves (a server test keeps the fixture equal to it).
const functions = toFunctionTable(served as ExpressionFunction[]);

describe('expression checker', () => {
  it('accepts every condition of the shipped ordering flow', () => {
    const route = ordering.nodes.find((n) => n.id === 'route')!;
    for (const c of (route.inputs as { cases: { condition: string }[] }).cases) expect(checkExpression(c.condition, { functions })).toMatchObject({ ok: true });
  });

  it('accepts every example the server gives for its functions', () => {
    for (const f of functions.values()) expect(checkExpression(f.example, { functions }), f.example).toMatchObject({ ok: true });
  });

  it.each([
    ['1 + foo(1)', "Unknown function 'foo' at column 5."],
    ['(1 + 2', "Expected ')' at column 7, found end of expression."],
    ['1 +', 'Unexpected end of expression at column 4: a value is missing.'],
    ['1 = 1', "Unexpected character '=' at column 3. Use '==' to compare."],
    ["'abc", "Unterminated string starting at column 1: add the closing '."],
    ['a.', "Expected a member name after '.' at column 3."],
    ['lower("a", "b")', "Function 'lower' at column 1 takes 1 argument, but 2 were given."],
    ['cart.total > 1', "Unknown name(s) 'cart': expressions can read vars, event, instance and nodes."],
    ['Lower(event.text)', "Unknown function 'Lower' at column 1. Did you mean 'lower'?"],
    ['round(1, 2, 3)', "Function 'round' at column 1 takes 1 or 2 arguments, but 3 were given."],
    ['coalesce()', "Function 'coalesce' at column 1 takes at least 1 argument, but 0 were given."],
  ])('reports %s', (source, message) => {
    expect(checkExpression(source, { functions }).error?.message).toBe(message);
  });

  it('without the function table reports no call, right or wrong, but still syntax and roots', () => {
    expect(checkExpression('1 + foo(1)')).toMatchObject({ ok: true });
    expect(checkExpression('lower("a", "b")')).toMatchObject({ ok: true });
    expect(checkExpression('lower("a"').error?.message).toBe("Expected ',' or ')' at column 10, found end of expression.");
    expect(checkExpression('cart.total > 1').ok).toBe(false);
  });

  it('loads the table once, and forgets a failed load so the next editor tries again', async () => {
    let calls = 0;
    const failing = () => { calls++; return Promise.reject(new Error('offline')); };
    expect(await loadFunctions(failing)).toBeNull();
    const ok = () => { calls++; return Promise.resolve(served as ExpressionFunction[]); };
    const table = await loadFunctions(ok);
    expect(table?.get('matchesAny')?.minArguments).toBe(2);
    expect(await loadFunctions(ok)).toBe(table);
    expect(calls).toBe(2);
  });

  it('collects roots', () => {
    expect(checkExpression('vars.a && nodes["x"].y in [1, 2] or not event.z').roots.sort()).toEqual(['event', 'nodes', 'vars']);
  });
});

describe('durations and cron', () => {
  it('parses the documented formats', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('1d 2h')).toBe(93_600_000);
    expect(parseDuration('1d2h')).toBe(93_600_000);
    expect(parseDuration('PT30M')).toBe(1_800_000);
    expect(parseDuration('P1DT2H')).toBe(93_600_000);
    expect(parseDuration('01:30:00')).toBe(5_400_000);
    expect(parseDuration('1.02:00:00')).toBe(93_600_000);
    expect(parseDuration('soon')).toBeNull();
    expect(checkDuration('{{vars.wait}}')).toBeNull();
    expect(describeDuration(93_600_000)).toBe('1 day 2 hours');
  });

  it('checks cron shape', () => {
    expect(checkCron('0 0 9 ? * MON')).toBeNull();
    expect(checkCron('0 9 * * *')).not.toBeNull();
  });
});
