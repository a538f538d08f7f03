import { http, withQuery } from './http';

const enc = encodeURIComponent;

export interface TeamMember {
  id: string;
  email: string;
  name: string;
  role: 'owner' | 'agent' | 'marketer';
  createdAt: string;
}

export const TEAM_ROLES: TeamMember['role'][] = ['owner', 'agent', 'marketer'];

export interface AuditItem {
  id: string;
  at: string;
  actor: string;
  actorRole?: string;
  action: string;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditPage {
  items: AuditItem[];
  skip: number;
  take: number;
  hasMore: boolean;
}

/** The action families the log can be filtered by (GET /api/audit?action=). */
export const AUDIT_FAMILIES: { value: string; label: string }[] = [
  { value: '', label: 'Everything' },
  { value: 'order', label: 'Orders' },
  { value: 'payment', label: 'Payments' },
  { value: 'conversation', label: 'Inbox' },
  { value: 'contact', label: 'Contacts' },
  { value: 'user', label: 'Team' },
  { value: 'auth', label: 'Sign-ins' },
];

const ACTION_LABELS: Record<string, string> = {
  'order.status': 'changed an order’s status',
  'payment.approve': 'approved a payment',
  'payment.reject': 'rejected a payment',
  'payment.settings': 'changed the payment settings',
  'shop.settings': 'changed the shop settings',
  'conversation.takeover': 'took over a chat',
  'conversation.release': 'handed a chat back to the agent',
  'conversation.reply': 'replied in a chat',
  'contact.export': 'exported a contact’s data',
  'contact.erase': 'erased a contact',
  'contact.import': 'imported contacts',
  'contact.edit': 'changed a contact’s language or tags',
  'contact.forget-fact': 'made the agent forget a fact about a contact',
  'user.add': 'added a team member',
  'user.role': 'changed a team member’s role',
  'user.remove': 'removed a team member',
  'user.password': 'changed their password',
  'auth.signin': 'signed in',
  'auth.signout': 'signed out',
  'auth.signout-everywhere': 'signed out everywhere',
};

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;

/** The fields that differ between before and after, for a one-line summary of a change. */
export function changes(before: unknown, after: unknown): { field: string; from: unknown; to: unknown }[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: k, from: b[k], to: a[k] }));
}

export const accountApi = {
  logoutEverywhere: () => http.post<void>('/api/auth/logout-everywhere'),
  changePassword: (currentPassword: string, newPassword: string) => http.post<void>('/api/auth/password', { currentPassword, newPassword }),
  team: () => http.get<TeamMember[]>('/api/users'),
  addMember: (member: { email: string; name: string; role: string; password: string }) => http.post<TeamMember>('/api/users', member),
  setRole: (id: string, role: string) => http.put<TeamMember>(`/api/users/${enc(id)}/role`, { role }),
  removeMember: (id: string) => http.delete<void>(`/api/users/${enc(id)}`),
  audit: (query: { skip?: number; take?: number; action?: string }) => http.get<AuditPage>(withQuery('/api/audit', query)),
};
