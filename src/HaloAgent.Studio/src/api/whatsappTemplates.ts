import { http } from './http';

/** A WhatsApp message template as Meta last reported it (the server's WhatsAppTemplate). */
export interface WhatsAppTemplate {
  id: string;
  metaId?: string | null;
  name: string;
  language: string;
  /** MARKETING, UTILITY or AUTHENTICATION. */
  category: string;
  /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED, … */
  status: string;
  statusReason?: string | null;
  body: string;
  parameterCount: number;
  updatedAt: number;
}

/** How a status reads to a marketer, and whether a send may use it. */
export function statusTone(status: string): 'ok' | 'wait' | 'stop' {
  if (status === 'APPROVED') return 'ok';
  if (status === 'PENDING' || status === 'IN_APPEAL' || status === 'PENDING_DELETION') return 'wait';
  return 'stop';
}

export const whatsappTemplatesApi = {
  list: () => http.get<WhatsAppTemplate[]>('/api/templates/whatsapp'),
  sync: () => http.post<WhatsAppTemplate[]>('/api/templates/whatsapp/sync'),
};
