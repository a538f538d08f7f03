import type { Order, OrderPayment } from './orders';
import type { OrderStatus } from './orderStatus';

type Raw = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v) || 0);

/**
 * The server's order (GET /api/orders, the status answer and the live stream all send the same shape), with every
 * field the page reads present: a missing list is empty, a missing name is empty, never undefined.
 */
export function toOrder(raw: unknown): Order {
  const o = (raw ?? {}) as Raw;
  const lines = Array.isArray(o.items) ? (o.items as Raw[]) : [];
  const payment = o.payment && typeof o.payment === 'object' ? (o.payment as Raw) : null;
  return {
    id: str(o.id),
    number: str(o.number),
    contactId: str(o.contactId),
    contactName: str(o.contactName),
    phone: str(o.phone),
    status: str(o.status) as OrderStatus,
    nextStatuses: (Array.isArray(o.nextStatuses) ? o.nextStatuses : []).map(str) as OrderStatus[],
    fulfilment: str(o.fulfilment).toLowerCase() === 'delivery' ? 'delivery' : 'pickup',
    zone: (o.zone ?? null) as string | null,
    address: (o.address ?? null) as string | null,
    items: lines.map((l) => ({
      sku: str(l.sku),
      name: str(l.name) || str(l.sku),
      quantity: num(l.quantity),
      unitPriceKobo: num(l.unitPriceKobo),
      lineTotalKobo: num(l.lineTotalKobo),
    })),
    subtotalKobo: num(o.subtotalKobo),
    deliveryFeeKobo: num(o.deliveryFeeKobo),
    totalKobo: num(o.totalKobo),
    createdAt: str(o.createdAt),
    updatedAt: str(o.updatedAt),
    payment: payment
      ? ({ id: str(payment.id), reference: str(payment.reference), method: str(payment.method), status: str(payment.status) } satisfies OrderPayment)
      : null,
  };
}
