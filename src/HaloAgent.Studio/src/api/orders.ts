import { http } from './http';
import { toOrder } from './orderShape';
import type { OrderStatus } from './orderStatus';

export { FILTER_STATUSES, ORDER_STATUSES, type OrderStatus, moveLabel, statusLabel, isToPrepare } from './orderStatus';

const enc = encodeURIComponent;

export interface OrderLine {
  sku: string;
  name: string;
  quantity: number;
  unitPriceKobo: number;
  lineTotalKobo: number;
}

/** The order's payment, as far as the dashboard reads it. */
export interface OrderPayment {
  id: string;
  reference: string;
  /** BankTransfer, PayOnDelivery or Paystack. */
  method: string;
  /** AwaitingPayment, AwaitingReview, Paid, Rejected or Cancelled. */
  status: string;
}

export interface Order {
  id: string;
  number: string;
  contactId: string;
  contactName: string;
  phone: string;
  status: OrderStatus;
  /** The moves the server allows from here, the usual next step first (cancelling last). */
  nextStatuses: OrderStatus[];
  fulfilment: 'pickup' | 'delivery';
  zone?: string | null;
  address?: string | null;
  items: OrderLine[];
  subtotalKobo: number;
  deliveryFeeKobo: number;
  totalKobo: number;
  createdAt: string;
  updatedAt: string;
  payment?: OrderPayment | null;
}

export const ordersApi = {
  list: async (status?: OrderStatus | '') => ((await http.get<unknown[]>('/api/orders', { status })) ?? []).map(toOrder),
  get: async (id: string) => {
    const raw = await http.get<unknown>(`/api/orders/${enc(id)}`);
    return raw ? toOrder(raw) : (raw as undefined);
  },
  setStatus: async (id: string, status: OrderStatus, note?: string) => {
    const raw = await http.post<unknown>(`/api/orders/${enc(id)}/status`, { status, note });
    return raw ? toOrder(raw) : (raw as undefined);
  },
};
