import { describe, expect, it } from 'vitest';
import ordering from '../../../../workflows/ordering.json';
import { checkExpression } from './expr';
import { checkCron, checkDuration, describeDuration, parseDuration } from './values';

describe('expression checker', () => {
  it('accepts every condition of the shipped ordering flow', () => {
    const route = ordering.nodes.find((n) => n.id === 'route')!;
    for (const c of (route.inputs as { cases: { condition: string }[] }).cases) expect(checkExpression(c.condition)).toMatchObject({ ok: true });
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
  ])('reports %s', (source, message) => {
    expect(checkExpression(source).error?.message).toBe(message);
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
