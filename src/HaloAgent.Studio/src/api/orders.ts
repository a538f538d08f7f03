import { http } from './http';
import { toOrder } from './orderShape';

const enc = encodeURIComponent;

export type OrderStatus =
  | 'PendingPayment'
  | 'PaymentReview'
  | 'Paid'
  | 'Preparing'
  | 'OutForDelivery'
  | 'ReadyForPickup'
  | 'Completed'
  | 'Cancelled';

export const ORDER_STATUSES: OrderStatus[] = [
  'PendingPayment',
  'PaymentReview',
  'Paid',
  'Preparing',
  'OutForDelivery',
  'ReadyForPickup',
  'Completed',
  'Cancelled',
];

export interface OrderLine {
  sku: string;
  name: string;
  quantity: number;
  unitPriceKobo: number;
  lineTotalKobo: number;
}

export interface Order {
  id: string;
  number: string;
  contactId: string;
  contactName: string;
  phone: string;
  status: OrderStatus;
  fulfilment: 'pickup' | 'delivery';
  zone?: string | null;
  address?: string | null;
  items: OrderLine[];
  subtotalKobo: number;
  deliveryFeeKobo: number;
  totalKobo: number;
  createdAt: string;
  updatedAt: string;
}

export const ordersApi = {
  list: async (status?: OrderStatus | '') => ((await http.get<unknown[]>('/api/orders', { status })) ?? []).map(toOrder),
  setStatus: async (id: string, status: OrderStatus, note?: string) => {
    const raw = await http.post<unknown>(`/api/orders/${enc(id)}/status`, { status, note });
    return raw ? toOrder(raw) : (raw as undefined);
  },
};
