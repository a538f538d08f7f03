import { http } from './http';
import { type ProgressListener, uploadWithProgress } from './upload';

const enc = encodeURIComponent;

/** Marketing consent: never asked is not the same as said no (the server's ContactConsent). */
export type ConsentState = 'not_asked' | 'opted_in' | 'opted_out';

export interface Contact {
  id: string;
  name: string;
  phone: string;
  language: string;
  marketingOptIn: boolean;
  consent: ConsentState;
  consentChangedAt?: string | null;
  /** Orders placed and not cancelled. */
  orderCount: number;
  loyaltyPoints: number;
  tags: string[];
  createdAt: string;
  lastSeenAt?: string | null;
}

export interface ConsentChange {
  /** `data` (agreed to their data being used for orders), `opted_in` or `opted_out`. */
  kind: 'data' | ConsentState;
  at: string;
  how: string;
}

export interface ContactOrder {
  id: string;
  number: string;
  items: string;
  itemCount: number;
  totalKobo: number;
  status: string;
  createdAt: string;
}

export interface ContactMessage {
  id: string;
  direction: 'in' | 'out';
  author: string;
  text: string;
  sentAt: string;
  status?: string | null;
}

export interface ContactDetail {
  id: string;
  name: string;
  phone: string;
  channel: string;
  language: string;
  tags: string[];
  loyaltyPoints: number;
  orderCount: number;
  firstSeenAt: string;
  lastSeenAt?: string | null;
  consent: ConsentState;
  consentChangedAt?: string | null;
  consentHistory: ConsentChange[];
  /** Newest first. */
  orders: ContactOrder[];
  /** Oldest first; null when the signed-in role may not read chats. */
  conversation: ContactMessage[] | null;
  facts: { key: string; value: string }[];
  /** The language codes the contact's language may be set to (the server's Languages). */
  languages: string[];
  /** The team's own note about the customer (empty when none; never shown to the agent or the customer). */
  teamNote: string;
}

export interface ImportResult {
  imported: number;
  updated: number;
  errors: { line: number; message: string }[];
}

export const contactsApi = {
  search: (q: string, tag?: string) => http.get<Contact[]>('/api/contacts', { q, tag }),
  get: (id: string) => http.get<ContactDetail>(`/api/contacts/${enc(id)}`),
  /** Changes only the fields given; answers the contact's page as it is now. */
  update: (id: string, patch: { language?: string; tags?: string[]; teamNote?: string }) =>
    http.request<ContactDetail>(`/api/contacts/${enc(id)}`, { method: 'PATCH', body: patch }),
  forgetFact: (id: string, key: string) => http.delete<void>(`/api/contacts/${enc(id)}/facts/${enc(key)}`),
  exportUrl: (id: string) => `/api/contacts/${enc(id)}/export`,
  remove: (id: string) => http.delete<void>(`/api/contacts/${enc(id)}`),
  /** Sends the CSV with upload progress (0–1) for the progress bar; the answer lists every refused line. */
  importCsv: (csv: string, onProgress: ProgressListener = () => {}) =>
    uploadWithProgress<ImportResult>('/api/contacts/import', csv, 'text/csv', onProgress),
};
