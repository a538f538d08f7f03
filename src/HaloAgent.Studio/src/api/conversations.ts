import { http } from './http';

const enc = encodeURIComponent;

/** Where the customer last wrote; replies go back there. */
export type ChannelCode = 'whatsapp' | 'twilio' | 'webchat' | string;

export interface ConversationSummary {
  contactId: string;
  /** The contact's name; their phone without one; "Web chat visitor ABCD" for a visitor with neither. */
  contactName: string;
  /** E.164, or empty for a web chat visitor. */
  phone: string;
  channel: ChannelCode;
  language: string;
  lastMessage: string;
  lastMessageAt: string;
  unread: number;
  /** `agent`: the AI answers; `human`: the owner took over (or an escalation is open). */
  handledBy: 'agent' | 'human';
  escalationId?: string | null;
  /** Why the chat was handed over (the agent's words, or who took it over). */
  handoverReason?: string | null;
}

export interface ChatMessage {
  id: string;
  direction: 'in' | 'out';
  author: 'customer' | 'agent' | 'owner';
  text: string;
  sentAt: string;
  status?: string | null;
  /** The customer's picture, when the message carried one (see {@link chatImageUrl}). */
  imageId?: string | null;
}

/** Where the inbox reads a customer's picture (the server fetches it from WhatsApp or the web chat's store). */
export const chatImageUrl = (contactId: string, imageId: string) =>
  `/api/conversations/${encodeURIComponent(contactId)}/images/${encodeURIComponent(imageId)}`;

export interface ConversationOrder {
  id: string;
  number: string;
  status: string;
  totalKobo: number;
  createdAt: string;
}

export interface Conversation extends ConversationSummary {
  messages: ChatMessage[];
  /** The contact's latest orders, newest first. */
  orders?: ConversationOrder[];
  /** What the agent remembers of the contact (address, delivery zone, …). */
  notes?: Record<string, string>;
  /** The team's own note about the customer (empty when none). */
  teamNote?: string;
}

/** Chats with a person first, then the latest message first (as the server orders the list). */
export function sortConversations(list: ConversationSummary[]): ConversationSummary[] {
  return [...list].sort(
    (a, b) =>
      Number(b.handledBy === 'human') - Number(a.handledBy === 'human') ||
      Date.parse(b.lastMessageAt) - Date.parse(a.lastMessageAt) ||
      a.contactId.localeCompare(b.contactId),
  );
}

/** The list with one row replaced (or added), re-sorted. */
export function upsertConversation(list: ConversationSummary[], row: ConversationSummary): ConversationSummary[] {
  return sortConversations([...list.filter((c) => c.contactId !== row.contactId), row]);
}

export const conversationsApi = {
  list: () => http.get<ConversationSummary[]>('/api/conversations'),
  get: (contactId: string) => http.get<Conversation>(`/api/conversations/${enc(contactId)}`),
  /** The owner has seen the conversation: its unread count clears (for everyone in the business). */
  markRead: (contactId: string) => http.post<void>(`/api/conversations/${enc(contactId)}/read`),
  takeOver: (contactId: string) => http.post<void>(`/api/conversations/${enc(contactId)}/takeover`),
  release: (contactId: string) => http.post<void>(`/api/conversations/${enc(contactId)}/release`),
  reply: (contactId: string, text: string) => http.post<ChatMessage>(`/api/conversations/${enc(contactId)}/reply`, { text }),
};

/** Canned replies the owner inserts with one tap, stored per business. */
export const quickRepliesApi = {
  list: () => http.get<string[]>('/api/quick-replies'),
  save: (replies: string[]) => http.put<string[]>('/api/quick-replies', { replies }),
};
