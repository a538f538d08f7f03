import type { Order, OrderStatus } from './orders';

type Raw = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v) || 0);
const iso = (v: unknown) => (typeof v === 'number' ? new Date(v).toISOString() : str(v));

function lineName(names: unknown, sku: string): string {
  if (typeof names === 'string') return names;
  if (names && typeof names === 'object') {
    const n = names as Raw;
    return str(n.en ?? n.english ?? Object.values(n).find((x) => typeof x === 'string')) || sku;
  }
  return sku;
}

/**
 * The server's order, as the contract's `Order`: either already in that shape, or the commerce module's
 * `{order, payment}` record (lines with localized names, Unix-ms times), which GET /api/orders answered with while the
 * dashboard endpoints were being built. Reading both keeps the page working whichever the server sends.
 */
export function toOrder(raw: unknown): Order {
  const outer = (raw ?? {}) as Raw;
  if (Array.isArray(outer.items)) return outer as unknown as Order;
  const o = (outer.order && typeof outer.order === 'object' ? outer.order : outer) as Raw;
  const payment = outer.payment as Raw | null | undefined;
  const lines = Array.isArray(o.lines) ? (o.lines as Raw[]) : [];
  const status = str(o.status) as OrderStatus;
  const underReview = status === 'PendingPayment' && payment && /review|submitted/i.test(str(payment.status));
  return {
    id: str(o.id),
    number: str(o.number),
    contactId: str(o.contactId),
    contactName: str(o.contactName),
    phone: str(o.phone),
    status: underReview ? 'PaymentReview' : status,
    fulfilment: str(o.fulfilment).toLowerCase() === 'delivery' ? 'delivery' : 'pickup',
    zone: (o.zone ?? o.deliveryZone ?? null) as string | null,
    address: (o.address ?? o.deliveryAddress ?? null) as string | null,
    items: lines.map((l) => ({
      sku: str(l.sku),
      name: lineName(l.name ?? l.names, str(l.sku)),
      quantity: num(l.quantity),
      unitPriceKobo: num(l.unitPriceKobo),
      lineTotalKobo: num(l.lineTotalKobo),
    })),
    subtotalKobo: num(o.subtotalKobo),
    deliveryFeeKobo: num(o.deliveryFeeKobo),
    totalKobo: num(o.totalKobo),
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
  };
}
