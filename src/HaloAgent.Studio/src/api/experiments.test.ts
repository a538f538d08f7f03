import { describe, expect, it } from 'vitest';
import { allowedActions, chance, lift, pValue, rate } from './experiments';

describe('experiments', () => {
  it('formats rates and signed lifts', () => {
    expect(rate(0.1834)).toBe('18.3 %');
    expect(lift(0.18)).toBe('+18 %');
    expect(lift(-0.052)).toBe('−5 %');
    expect(chance(0.9996)).toBe('> 99 %');
    expect(chance(0.947)).toBe('95 %');
    expect(chance(0.001)).toBe('< 1 %');
    expect(pValue(0.0654)).toBe('0.065');
    expect(pValue(0.00001)).toBe('< 0.001');
  });

  it('offers stop while running and promote once the minimum sample is reached, never on a retracted flow', () => {
    expect(allowedActions({ status: 'running', flowPublished: true, minimumSampleReached: false })).toEqual({ stop: true, promote: false });
    expect(allowedActions({ status: 'stopped', flowPublished: true, minimumSampleReached: true })).toEqual({ stop: false, promote: true });
    expect(allowedActions({ status: 'running', flowPublished: false, minimumSampleReached: true })).toEqual({ stop: false, promote: false });
    expect(allowedActions({ status: 'promoted', flowPublished: true, minimumSampleReached: true })).toEqual({ stop: false, promote: false });
  });
});
