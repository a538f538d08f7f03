import { http, problemFields } from './http';

const enc = encodeURIComponent;

/** The server's AudienceFields: what a rule can test, with which operators and what kind of value. */
export type ValueKind = 'Choice' | 'Tag' | 'Boolean' | 'Count' | 'Days' | 'Kobo' | 'Product' | 'Score';

export interface AudienceField {
  name: string;
  label: string;
  kind: ValueKind;
  ops: string[];
  choices?: string[] | null;
}

export interface Rule {
  field: string;
  op: string;
  value: string | number | boolean;
}

export interface Group {
  match: 'all' | 'any';
  conditions: Condition[];
}

export type Condition = Rule | Group;

export const isGroup = (c: Condition): c is Group => 'conditions' in c;

export interface AudienceMember {
  id: string;
  name?: string | null;
  key: string;
  language?: string | null;
  channel: string;
  lastMessageAt?: string | null;
}

export interface AudiencePreview {
  count: number;
  sample: AudienceMember[];
}

export interface Segment {
  id: string;
  name: string;
  filter: Group;
  updatedAt: string;
  /** Contacts matching now (in the list only). */
  count?: number;
}

export const OP_LABELS: Record<string, string> = {
  is: 'is',
  is_not: 'is not',
  has: 'has',
  has_not: 'does not have',
  gte: 'at least',
  lte: 'at most',
  eq: 'exactly',
  within_days: 'within the last (days)',
  more_than_days: 'more than (days) ago',
};

/** Every message of a refused request: ASP.NET's validation problem lists them per field. */
export const problemMessages = (error: unknown): string[] => Object.values(problemFields(error)).flat();

export const segmentsApi = {
  fields: () => http.get<AudienceField[]>('/api/segments/fields'),
  list: () => http.get<Segment[]>('/api/segments'),
  get: (id: string) => http.get<Segment>(`/api/segments/${enc(id)}`),
  preview: (filter: Group) => http.post<AudiencePreview>('/api/segments/preview', { filter }),
  create: (name: string, filter: Group) => http.post<Segment>('/api/segments', { name, filter }),
  update: (id: string, name: string, filter: Group) => http.put<Segment>(`/api/segments/${enc(id)}`, { name, filter }),
  remove: (id: string) => http.delete<void>(`/api/segments/${enc(id)}`),
};
