import { describe, expect, it } from 'vitest';
import { FILTER_STATUSES, isToPrepare, moveLabel, ORDER_STATUSES, statusLabel } from './orderStatus';

describe('order status labels', () => {
  it('reads every status the server sends as words, never as an enum name', () => {
    expect(statusLabel('pending_payment')).toBe('Awaiting payment');
    expect(statusLabel('payment_review')).toBe('Payment to review');
    expect(statusLabel('ready_for_pickup')).toBe('Ready for pickup');
    expect(statusLabel('out_for_delivery')).toBe('Out for delivery');
    for (const s of ORDER_STATUSES) expect(statusLabel(s)).not.toMatch(/_|[a-z][A-Z]/);
  });

  it('spells out a status it does not know instead of showing code', () => {
    expect(statusLabel('on_hold')).toBe('on hold');
  });

  it('says what a move button does', () => {
    expect(moveLabel('preparing')).toBe('Start preparing');
    expect(moveLabel('completed')).toBe('Completed');
    expect(moveLabel('cancelled')).toBe('Cancel order');
  });

  it('filters by stored statuses only', () => {
    expect(FILTER_STATUSES).not.toContain('payment_review');
    expect(FILTER_STATUSES).toContain('preparing');
  });

  it('puts paid and under-way orders and unpaid pay-on-delivery ones in the kitchen list', () => {
    expect(isToPrepare({ status: 'paid' })).toBe(true);
    expect(isToPrepare({ status: 'out_for_delivery' })).toBe(true);
    expect(isToPrepare({ status: 'pending_payment', payment: { method: 'BankTransfer' } })).toBe(false);
    expect(isToPrepare({ status: 'pending_payment', payment: { method: 'PayOnDelivery' } })).toBe(true);
    expect(isToPrepare({ status: 'completed' })).toBe(false);
  });
});
