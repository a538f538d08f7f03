import { http, withQuery } from './http';
import type { ConversationSummary } from './conversations';
import type { Order } from './orders';
import { toOrder } from './orderShape';
import type { PaymentReview } from './payments';

/** Server-Sent Events on GET /api/stream: `order.created`, `order.updated` (data: Order), `payment.review` (data: PaymentReview), `conversation.updated` (data: ConversationSummary); `session.ended` closes it. */
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
  // The session was signed out (elsewhere, or by a password change): stop for good, and let an ordinary call meet the
  // 401 so the app asks the person to sign in again.
  source.addEventListener('session.ended', () => {
    source.close();
    onState?.(false);
    http.get('/api/auth/me').catch(() => {});
  });
  source.onopen = () => onState?.(true);
  source.onerror = () => {
    onState?.(false);
    // A 404 closes the stream for good (readyState CLOSED); otherwise EventSource reconnects by itself.
  };
  return () => source.close();
}
