import { describe, expect, it } from 'vitest';
import { canManageFlows, canManagePayments } from './permissions';

describe('permissions', () => {
  it('lets owners and agents decide payments, never marketers', () => {
    expect(canManagePayments('owner')).toBe(true);
    expect(canManagePayments('agent')).toBe(true);
    expect(canManagePayments('marketer')).toBe(false);
  });

  it('lets owners and marketers edit flows, not agents', () => {
    expect(canManageFlows('marketer')).toBe(true);
    expect(canManageFlows('agent')).toBe(false);
  });

  it('shows everything when the server has no auth (no role)', () => {
    expect(canManagePayments(undefined)).toBe(true);
  });
});
