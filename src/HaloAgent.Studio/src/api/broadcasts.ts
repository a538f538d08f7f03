import { http, problemFields } from './http';
import type { WhatsAppTemplate } from './whatsappTemplates';

const enc = encodeURIComponent;

/** What a marketer sends to create or change a draft (the server's BroadcastInput). */
export interface BroadcastDraft {
  name: string;
  segmentId: string | null;
  templateName: string;
  fallbackLanguage: string;
  /** Body parameters in order; `{name}` in one is the customer's first name. */
  parameters: string[];
}

export type BroadcastStatus = 'draft' | 'scheduled' | 'sending' | 'paused' | 'completed' | 'cancelled' | 'failed';

export interface BroadcastCounts {
  total: number;
  byStatus: Record<string, number>;
  sent: number;
  delivered: number;
  read: number;
  replied: number;
  ordered: number;
  revenueKobo: number;
  skippedByReason: Record<string, number>;
}

/** The server's BroadcastView. */
export interface Broadcast {
  id: string;
  name: string;
  segmentId?: string | null;
  templateName: string;
  fallbackLanguage: string;
  parameters: string[];
  status: BroadcastStatus;
  statusReason?: string | null;
  scheduledAt?: string | null;
  heldUntil?: string | null;
  heldReason?: string | null;
  createdAt: string;
  startedAt?: string | null;
  completedAt?: string | null;
  createdBy?: string | null;
  counts: BroadcastCounts;
  costKobo: number;
}

/** The server's RecipientView. */
export interface Recipient {
  contactId: string;
  address: string;
  channel: string;
  language: string;
  templateLanguage?: string | null;
  status: string;
  reason?: string | null;
  errorCode?: number | null;
  attempt: number;
  queuedAt?: string | null;
  sentAt?: string | null;
  deliveredAt?: string | null;
  readAt?: string | null;
  repliedAt?: string | null;
  orderedAt?: string | null;
  revenueKobo?: number | null;
}

/** The server's Preflight: what would happen if the broadcast went now. */
export interface Preflight {
  audience: number;
  willSend: number;
  skipped: Record<string, number>;
  byLanguage: Record<string, number>;
  byChannel: Record<string, number>;
  outsideWindow: number;
  messagingLimit: number;
  reachedLast24Hours: number;
  fitsMessagingLimit: boolean;
  category: string;
  costKobo: number;
  heldUntil?: string | null;
  warnings: string[];
}

export const RECIPIENTS_PAGE_SIZE = 100;

/** The recipient table's filter: the stored statuses, then the funnel's later steps. */
export const RECIPIENT_FILTERS: { value: string; label: string }[] = [
  { value: '', label: 'Everyone' },
  { value: 'pending', label: 'Waiting' },
  { value: 'queued', label: 'Queued' },
  { value: 'sent', label: 'Sent' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'read', label: 'Read' },
  { value: 'replied', label: 'Replied' },
  { value: 'ordered', label: 'Ordered' },
  { value: 'failed', label: 'Failed' },
  { value: 'limited', label: 'Limited by Meta' },
  { value: 'skipped', label: 'Skipped' },
];

export const recipientStatusLabel = (status: string) => RECIPIENT_FILTERS.find((f) => f.value === status)?.label ?? status;

const SKIP_REASONS: Record<string, string> = {
  no_consent: 'Never agreed to marketing messages',
  opted_out: 'Opted out of marketing messages',
  no_template: 'No approved template in their language or the fallback',
  frequency_cap: 'Reached the weekly frequency cap',
};

/** A skip reason's code (no_consent, …) in the marketer's words; words the server already wrote pass through. */
export const skipReasonLabel = (code: string) => SKIP_REASONS[code] ?? code;

const STATUS_LABELS: Record<BroadcastStatus, string> = {
  draft: 'Draft', scheduled: 'Scheduled', sending: 'Sending', paused: 'Paused', completed: 'Completed', cancelled: 'Cancelled', failed: 'Failed',
};

export const broadcastStatusLabel = (status: string) => STATUS_LABELS[status as BroadcastStatus] ?? status;

/** Which of the marketer's moves the server allows from a status (BroadcastStore's RequireStatus lists). */
export function allowedMoves(status: string, counts?: BroadcastCounts): { pause: boolean; resume: boolean; cancel: boolean; retryFailed: boolean } {
  const failed = (counts?.byStatus.failed ?? 0) + (counts?.byStatus.limited ?? 0);
  return {
    pause: status === 'scheduled' || status === 'sending',
    resume: status === 'paused',
    cancel: status === 'draft' || status === 'scheduled' || status === 'sending' || status === 'paused',
    retryFailed: (status === 'completed' || status === 'sending' || status === 'paused') && failed > 0,
  };
}

/**
 * Whether the page should keep looking for progress: while scheduled or sending, and after sending while messages
 * handed to the outbox are still on their way (queued, not yet sent).
 */
export const isLive = (status: string, counts?: BroadcastCounts) =>
  status === 'scheduled' || status === 'sending' || (status !== 'draft' && (counts?.byStatus.queued ?? 0) > 0);

/** How far sending has got: recipients dealt with (no longer waiting) of all of them, and how many went out. */
export function progress(counts: BroadcastCounts): { done: number; total: number; percent: number } {
  const total = counts.total;
  const done = Math.max(0, total - (counts.byStatus.pending ?? 0));
  return { done, total, percent: total === 0 ? 0 : Math.round((done / total) * 100) };
}

export interface FunnelStep {
  key: 'sent' | 'delivered' | 'read' | 'replied' | 'ordered';
  label: string;
  count: number;
  /** Of those sent (0 when nothing was sent yet). */
  percent: number;
}

/** Sent → delivered → read → replied → ordered, each as a share of those sent. */
export function funnel(counts: BroadcastCounts): FunnelStep[] {
  const steps: [FunnelStep['key'], string][] = [['sent', 'Sent'], ['delivered', 'Delivered'], ['read', 'Read'], ['replied', 'Replied'], ['ordered', 'Ordered']];
  const base = counts.sent;
  return steps.map(([key, label]) => ({
    key,
    label,
    count: counts[key],
    percent: base === 0 ? 0 : Math.min(100, Math.round((counts[key] / base) * 1000) / 10),
  }));
}

const WAT_OFFSET_MS = 60 * 60 * 1000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A `datetime-local` value ("2026-12-08T09:30") read as West Africa Time (UTC+1 all year), whatever the browser's
 * own zone, as an ISO instant the server takes. Null when it is not such a value.
 */
export function watInputToIso(value: string): string | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi) - WAT_OFFSET_MS;
  const check = new Date(ms + WAT_OFFSET_MS);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return new Date(ms).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a `datetime-local` value in WAT (the inverse of {@link watInputToIso}, to the minute). */
export function isoToWatInput(iso: string | Date): string {
  const t = new Date(new Date(iso).getTime() + WAT_OFFSET_MS);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "8 Dec 2026, 09:30 WAT": a time as the marketer in Nigeria reads it, whatever the browser's zone. */
export function watTime(iso?: string | null): string {
  if (!iso) return '';
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return iso;
  const t = new Date(ms + WAT_OFFSET_MS);
  return `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}, ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())} WAT`;
}

/** A template name with the versions Meta approved (one per language). */
export interface TemplateChoice {
  name: string;
  category: string;
  parameterCount: number;
  variants: WhatsAppTemplate[];
}

/** The templates a broadcast may use: those with at least one approved language, by name, with only the approved versions. */
export function approvedChoices(templates: WhatsAppTemplate[]): TemplateChoice[] {
  const byName = new Map<string, TemplateChoice>();
  for (const t of templates.filter((x) => x.status === 'APPROVED')) {
    const c = byName.get(t.name) ?? { name: t.name, category: t.category, parameterCount: 0, variants: [] };
    c.variants.push(t);
    c.parameterCount = Math.max(c.parameterCount, t.parameterCount);
    byName.set(t.name, c);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The template's text as a customer reads it: {{1}}, {{2}}… filled from the parameters, `{name}` as the sample name. */
export function fillTemplate(body: string, parameters: string[], firstName = 'Ada'): string {
  return body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => {
    const value = parameters[Number(n) - 1];
    return value ? value.replace(/\{name\}/g, firstName) : whole;
  });
}

/** A refused request's messages per field (see {@link problemFields}). */
export const fieldErrors = problemFields;

export const broadcastsApi = {
  list: () => http.get<Broadcast[]>('/api/broadcasts'),
  get: (id: string) => http.get<Broadcast>(`/api/broadcasts/${enc(id)}`),
  create: (draft: BroadcastDraft) => http.post<Broadcast>('/api/broadcasts', draft),
  update: (id: string, draft: BroadcastDraft) => http.put<Broadcast>(`/api/broadcasts/${enc(id)}`, draft),
  remove: (id: string) => http.delete<void>(`/api/broadcasts/${enc(id)}`),
  preflight: (draft: BroadcastDraft) => http.post<Preflight>('/api/broadcasts/preflight', draft),
  defaults: () => http.get<{ fallbackLanguage: string }>('/api/broadcasts/defaults'),
  schedule: (id: string, at?: string | null) => http.post<Broadcast>(`/api/broadcasts/${enc(id)}/schedule`, at ? { at } : {}),
  pause: (id: string) => http.post<Broadcast>(`/api/broadcasts/${enc(id)}/pause`),
  resume: (id: string) => http.post<Broadcast>(`/api/broadcasts/${enc(id)}/resume`),
  cancel: (id: string) => http.post<Broadcast>(`/api/broadcasts/${enc(id)}/cancel`),
  retryFailed: (id: string) => http.post<{ retried: number; broadcast: Broadcast }>(`/api/broadcasts/${enc(id)}/retry-failed`),
  recipients: (id: string, status: string, page: number) =>
    http.get<Recipient[]>(`/api/broadcasts/${enc(id)}/recipients`, { status: status || undefined, page: page || undefined }),
  csvUrl: (id: string) => `/api/broadcasts/${enc(id)}/recipients.csv`,
};
