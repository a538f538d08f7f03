import { http } from './http';

const enc = encodeURIComponent;

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

export const conversationsApi = {
  list: () => http.get<ConversationSummary[]>('/api/conversations'),
  get: (contactId: string) => http.get<Conversation>(`/api/conversations/${enc(contactId)}`),
  takeOver: (contactId: string) => http.post<void>(`/api/conversations/${enc(contactId)}/takeover`),
  release: (contactId: string) => http.post<void>(`/api/conversations/${enc(contactId)}/release`),
  reply: (contactId: string, text: string) => http.post<ChatMessage>(`/api/conversations/${enc(contactId)}/reply`, { text }),
};
