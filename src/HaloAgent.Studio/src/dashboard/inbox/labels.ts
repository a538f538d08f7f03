import { LANGUAGES } from '../../api/templates';

const CHANNELS: Record<string, string> = { whatsapp: 'WhatsApp', twilio: 'WhatsApp (Twilio)', webchat: 'Web chat' };

export function channelLabel(channel: string): string {
  return CHANNELS[channel] ?? channel;
}

export function languageLabel(code: string): string {
  return LANGUAGES.find((l) => l.code === code)?.name ?? code;
}

/** What the agent remembers, in the owner's words (unknown keys read as they are). */
const NOTES: Record<string, string> = {
  address: 'Address',
  delivery_zone: 'Delivery zone',
  fulfilment: 'Delivery or pickup',
  preferred_language: 'Language',
  name: 'Name',
};

export function noteLabel(key: string): string {
  return NOTES[key] ?? key.replace(/_/g, ' ');
}

/** A time as a chat shows it: the clock today, the date before. */
export function chatTime(value: string, now = new Date()): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return d.toDateString() === now.toDateString()
    ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString([], { day: 'numeric', month: 'short' });
}
