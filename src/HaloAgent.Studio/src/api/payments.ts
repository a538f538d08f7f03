import { http } from './http';

const enc = encodeURIComponent;

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

export const paymentsApi = {
  reviewQueue: () => http.get<PaymentReview[]>('/api/payments/review'),
  // An empty JSON body: the endpoint takes an optional note and only matches JSON requests.
  approve: (id: string) => http.post<void>(`/api/payments/${enc(id)}/approve`, {}),
  reject: (id: string, reason: string) => http.post<void>(`/api/payments/${enc(id)}/reject`, { reason }),
};
