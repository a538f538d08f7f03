import { describe, expect, it } from 'vitest';
import { toOrder } from './orderShape';

describe('toOrder', () => {
  it('keeps an order already in the contract shape', () => {
    const order = { id: 'o1', number: 'MNK-1', items: [{ sku: 'A', name: 'Rice', quantity: 1, unitPriceKobo: 1, lineTotalKobo: 1 }] };
    expect(toOrder(order)).toBe(order);
  });

  it('reads the commerce module’s {order, payment} record', () => {
    const order = toOrder({
      order: {
        id: 'o2', number: 'MNK-2', contactId: 'c', status: 'PendingPayment', fulfilment: 'Delivery', deliveryZone: 'Ikeja',
        lines: [{ sku: 'JOLLOF', names: { en: 'Jollof rice', yo: 'Ìrẹsì' }, unitPriceKobo: 350000, quantity: 2, lineTotalKobo: 700000 }],
        subtotalKobo: 700000, deliveryFeeKobo: 250000, totalKobo: 950000, createdAt: 0, updatedAt: 0,
      },
      payment: { status: 'Submitted' },
    });
    expect(order.items).toEqual([{ sku: 'JOLLOF', name: 'Jollof rice', quantity: 2, unitPriceKobo: 350000, lineTotalKobo: 700000 }]);
    expect(order.fulfilment).toBe('delivery');
    expect(order.zone).toBe('Ikeja');
    expect(order.status).toBe('PaymentReview');
    expect(order.createdAt).toBe('1970-01-01T00:00:00.000Z');
  });
});
