import { http } from './http';

/** An outgoing webhook (the server's WebhookSummary); the secret is only in the create answer. */
export interface Webhook {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}

export interface CreatedWebhook extends Webhook {
  secret: string;
}

export interface DeliveryAttempt {
  number: number;
  at: string;
  statusCode?: number | null;
  responseBody?: string | null;
  error?: string | null;
  durationMs: number;
}

/** One event sent (or being sent) to a webhook, with every attempt. */
export interface Delivery {
  id: string;
  event: string;
  eventId: string;
  /** pending, delivered or failed. */
  status: string;
  attempts: number;
  lastStatusCode?: number | null;
  lastError?: string | null;
  createdAt: string;
  nextAttemptAt?: string | null;
  deliveredAt?: string | null;
  body: string;
  log: DeliveryAttempt[];
}

export const integrationsApi = {
  events: () => http.get<string[]>('/api/integrations/events'),
  list: () => http.get<Webhook[]>('/api/integrations/webhooks'),
  create: (url: string, events: string[]) => http.post<CreatedWebhook>('/api/integrations/webhooks', { url, events }),
  setActive: (w: Webhook, active: boolean) => http.put<Webhook>(`/api/integrations/webhooks/${encodeURIComponent(w.id)}`, { url: w.url, events: w.events, active }),
  remove: (id: string) => http.delete<void>(`/api/integrations/webhooks/${encodeURIComponent(id)}`),
  deliveries: (id: string) => http.get<Delivery[]>(`/api/integrations/webhooks/${encodeURIComponent(id)}/deliveries`),
  resend: (deliveryId: string) => http.post<void>(`/api/integrations/deliveries/${encodeURIComponent(deliveryId)}/resend`),
};
