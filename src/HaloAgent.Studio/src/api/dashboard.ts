import { type ProgressListener, uploadWithProgress } from './upload';
import { toOrder } from './orderShape';
// Owner dashboard endpoints. These are PROPOSED contracts (see ../../API-CONTRACT.md); the server does not have them
// yet, so every page treats a 404 as "not available yet".
import { http, withQuery } from './http';

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

export interface PaymentReview {
  id: string;
  orderId: string;
  orderNumber: string;
  contactName: string;
  phone: string;
  amountKobo: number;
  expectedKobo: number;
  /** What the customer sent: a transfer reference, a note, or a receipt image URL. */
  reference?: string | null;
  receiptUrl?: string | null;
  submittedAt: string;
  /** How well the receipt matches the order, 0–1 (absent before a receipt is read). */
  score?: number | null;
  /** likely_match, needs_review, mismatch or unreadable. */
  verdict?: string | null;
  /** Why a person is needed, red flags first. */
  reasons?: string[];
}

export interface ConversationSummary {
  contactId: string;
  contactName: string;
  phone: string;
  language: string;
  lastMessage: string;
  lastMessageAt: string;
  unread: number;
  /** `agent`: the AI answers; `human`: the owner took over (or an escalation is open). */
  handledBy: 'agent' | 'human';
  escalationId?: string | null;
}

export interface ChatMessage {
  id: string;
  direction: 'in' | 'out';
  author: 'customer' | 'agent' | 'owner';
  text: string;
  sentAt: string;
  status?: string | null;
}

export interface Conversation extends ConversationSummary {
  messages: ChatMessage[];
}

export interface Contact {
  id: string;
  name: string;
  phone: string;
  language: string;
  marketingOptIn: boolean;
  orderCount: number;
  loyaltyPoints: number;
  createdAt: string;
  lastSeenAt?: string | null;
}

export interface CatalogItem {
  sku: string;
  name: string;
  category?: string | null;
  priceKobo: number;
  available: boolean;
  stock?: number | null;
}

export interface SalesPoint {
  date: string;
  orders: number;
  revenueKobo: number;
}

export interface SalesStats {
  days: number;
  totalOrders: number;
  totalRevenueKobo: number;
  points: SalesPoint[];
}

export interface ImportResult {
  imported: number;
  updated: number;
  errors: { line: number; message: string }[];
}

export const ordersApi = {
  list: async (status?: OrderStatus | '') => ((await http.get<unknown[]>('/api/orders', { status })) ?? []).map(toOrder),
  setStatus: async (id: string, status: OrderStatus, note?: string) => {
    const raw = await http.post<unknown>(`/api/orders/${enc(id)}/status`, { status, note });
    return raw ? toOrder(raw) : (raw as undefined);
  },
};

export const paymentsApi = {
  reviewQueue: () => http.get<PaymentReview[]>('/api/payments/review'),
  // An empty JSON body: the endpoint takes an optional note and only matches JSON requests.
  approve: (id: string) => http.post<void>(`/api/payments/${enc(id)}/approve`, {}),
  reject: (id: string, reason: string) => http.post<void>(`/api/payments/${enc(id)}/reject`, { reason }),
};

export const conversationsApi = {
  list: () => http.get<ConversationSummary[]>('/api/conversations'),
  get: (contactId: string) => http.get<Conversation>(`/api/conversations/${enc(contactId)}`),
  takeOver: (contactId: string) => http.post<void>(`/api/conversations/${enc(contactId)}/takeover`),
  release: (contactId: string) => http.post<void>(`/api/conversations/${enc(contactId)}/release`),
  reply: (contactId: string, text: string) => http.post<ChatMessage>(`/api/conversations/${enc(contactId)}/reply`, { text }),
};

export const contactsApi = {
  search: (q: string) => http.get<Contact[]>('/api/contacts', { q }),
  exportUrl: (id: string) => `/api/contacts/${enc(id)}/export`,
  remove: (id: string) => http.delete<void>(`/api/contacts/${enc(id)}`),
  /** Sends the CSV with upload progress (0–1) for the progress bar; the answer lists every refused line. */
  importCsv: (csv: string, onProgress: ProgressListener = () => {}) =>
    uploadWithProgress<ImportResult>('/api/contacts/import', csv, 'text/csv', onProgress),
};

export const catalogApi = {
  list: () => http.get<CatalogItem[]>('/api/catalog'),
};

export const statsApi = {
  sales: (days: number) => http.get<SalesStats>('/api/stats/sales', { days }),
};

/** Server-Sent Events on GET /api/stream: `order.created`, `order.updated` (data: Order), `payment.review` (data: PaymentReview), `conversation.updated` (data: ConversationSummary). */
export type StreamEvent =
  | { type: 'order.created' | 'order.updated'; data: Order }
  | { type: 'payment.review'; data: PaymentReview }
  | { type: 'conversation.updated'; data: ConversationSummary };

export function openStream(onEvent: (event: StreamEvent) => void, onState?: (connected: boolean) => void): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  const source = new EventSource(withQuery('/api/stream', {}), { withCredentials: true });
  const types: StreamEvent['type'][] = ['order.created', 'order.updated', 'payment.review', 'conversation.updated'];
  for (const type of types) {
    source.addEventListener(type, (message) => {
      try {
        {
          const data = JSON.parse((message as MessageEvent).data);
          onEvent({ type, data: type.startsWith('order.') ? toOrder(data) : data } as StreamEvent);
        }
      } catch {
        /* ignore malformed events */
      }
    });
  }
  source.onopen = () => onState?.(true);
  source.onerror = () => {
    onState?.(false);
    // A 404 closes the stream for good (readyState CLOSED); otherwise EventSource reconnects by itself.
  };
  return () => source.close();
}

/** ₦ with thousands separators from kobo. */
export function naira(kobo: number): string {
  const value = kobo / 100;
  return `₦${value.toLocaleString('en-NG', { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 })}`;
}
