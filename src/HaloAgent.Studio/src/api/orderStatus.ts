/**
 * The order status names the server sends (an order's `status` and `nextStatuses`, see the server's
 * OrderProjection.StatusNames; a server test checks this list against it) and how the owner reads them.
 */
export const STATUS_LABELS = {
  pending_payment: 'Awaiting payment',
  payment_review: 'Payment to review',
  paid: 'Paid',
  preparing: 'Preparing',
  ready_for_pickup: 'Ready for pickup',
  out_for_delivery: 'Out for delivery',
  completed: 'Completed',
  cancelled: 'Cancelled',
} as const;

export type OrderStatus = keyof typeof STATUS_LABELS;

export const ORDER_STATUSES = Object.keys(STATUS_LABELS) as OrderStatus[];

/** Statuses the list can be filtered by (payment review is a reading of an unpaid order, not a stored status). */
export const FILTER_STATUSES = ORDER_STATUSES.filter((s) => s !== 'payment_review');

/** What a button that moves an order to the status says. */
const MOVE_LABELS: Partial<Record<OrderStatus, string>> = {
  paid: 'Mark paid',
  preparing: 'Start preparing',
  cancelled: 'Cancel order',
};

/** Orders that are the kitchen's to move along: paid or under way, not yet handed over. */
const TO_PREPARE: OrderStatus[] = ['paid', 'preparing', 'ready_for_pickup', 'out_for_delivery'];

export function isOrderStatus(value: string): value is OrderStatus {
  return Object.prototype.hasOwnProperty.call(STATUS_LABELS, value);
}

/** A status as the owner reads it; a name this page does not know yet is shown spelled out, never as code. */
export function statusLabel(status: string): string {
  return isOrderStatus(status) ? STATUS_LABELS[status] : status.replace(/_/g, ' ');
}

export function moveLabel(status: string): string {
  return (isOrderStatus(status) && MOVE_LABELS[status]) || statusLabel(status);
}

export function isToPrepare(order: { status: string; payment?: { method?: string } | null }): boolean {
  if (isOrderStatus(order.status) && TO_PREPARE.includes(order.status)) return true;
  // A pay-on-delivery order is prepared before it is paid.
  return order.status === 'pending_payment' && order.payment?.method === 'PayOnDelivery';
}
