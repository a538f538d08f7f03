import { describe, expect, it } from 'vitest';
import { toOrder } from './orderShape';

describe('toOrder', () => {
  it('reads the server’s order with its names, next moves and payment', () => {
    const order = toOrder({
      id: 'o1', number: 'MNK-1', contactId: 'c', contactName: 'Ngozi', phone: '+2348030000001', status: 'preparing',
      nextStatuses: ['ready_for_pickup', 'cancelled'], fulfilment: 'pickup',
      items: [{ sku: 'JOLLOF', name: 'Jollof rice', quantity: 2, unitPriceKobo: 350000, lineTotalKobo: 700000 }],
      totalKobo: 700000, createdAt: '2026-12-07T08:00:00+01:00', updatedAt: '2026-12-07T08:00:00+01:00',
      payment: { id: 'p', reference: 'HLO-1', method: 'PayOnDelivery', status: 'AwaitingPayment', amountKobo: 700000 },
    });
    expect(order.contactName).toBe('Ngozi');
    expect(order.items[0].name).toBe('Jollof rice');
    expect(order.nextStatuses).toEqual(['ready_for_pickup', 'cancelled']);
    expect(order.payment).toEqual({ id: 'p', reference: 'HLO-1', method: 'PayOnDelivery', status: 'AwaitingPayment' });
  });

  it('fills what an older answer leaves out', () => {
    const order = toOrder({ id: 'o2', number: 'MNK-2', status: 'paid', items: [{ sku: 'SUYA', quantity: 1 }] });
    expect(order.nextStatuses).toEqual([]);
    expect(order.items[0].name).toBe('SUYA');
    expect(order.payment).toBeNull();
  });
});
