import { http } from './http';
import { type ProgressListener, uploadWithProgress } from './upload';

const enc = encodeURIComponent;

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

export interface ImportResult {
  imported: number;
  updated: number;
  errors: { line: number; message: string }[];
}

export const contactsApi = {
  search: (q: string) => http.get<Contact[]>('/api/contacts', { q }),
  exportUrl: (id: string) => `/api/contacts/${enc(id)}/export`,
  remove: (id: string) => http.delete<void>(`/api/contacts/${enc(id)}`),
  /** Sends the CSV with upload progress (0–1) for the progress bar; the answer lists every refused line. */
  importCsv: (csv: string, onProgress: ProgressListener = () => {}) =>
    uploadWithProgress<ImportResult>('/api/contacts/import', csv, 'text/csv', onProgress),
};
