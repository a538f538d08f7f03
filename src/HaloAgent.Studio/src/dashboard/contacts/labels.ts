import type { ConsentState } from '../../api/contacts';
import { LANGUAGES } from '../../api/templates';

const CONSENT: Record<ConsentState, string> = { not_asked: 'Not asked', opted_in: 'Opted in', opted_out: 'Opted out' };

export const consentLabel = (state: ConsentState) => CONSENT[state] ?? state;

/** A short day ("3 Dec 2026"): enough to say when consent changed, and it fits a phone's row. */
export function shortDate(value?: string | null): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

export const languageName = (code: string) => LANGUAGES.find((l) => l.code === code)?.name ?? code;

/** "PendingPayment" → "Pending payment": the order's status as the owner reads it. */
export const statusLabel = (status: string) => {
  const words = status.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const channelName = (channel: string) => ({ whatsapp: 'WhatsApp', twilio: 'WhatsApp (Twilio)', webchat: 'Web chat' })[channel] ?? channel;
