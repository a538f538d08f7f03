import { http } from './http';
import type {
  ActivityDescriptor,
  EventDefinition,
  ExpressionFunction,
  FlowDefinition,
  FlowSummary,
  FlowVersionDocument,
  FlowVersionInfo,
  ValidationReport,
} from './types';

const enc = encodeURIComponent;

export const activitiesApi = {
  list: () => http.get<ActivityDescriptor[]>('/api/activities'),
  events: () => http.get<EventDefinition[]>('/api/events/catalog'),
  functions: () => http.get<ExpressionFunction[]>('/api/flows/functions'),
};

/** A shipped journey offered as the start of a new flow (GET /api/flow-gallery); `key` is its shipped id. */
export interface FlowTemplate {
  key: string;
  name: string;
  description?: string | null;
  nodeCount: number;
  definition: FlowDefinition;
}

export const flowsApi = {
  list: () => http.get<FlowSummary[]>('/api/flows'),
  gallery: () => http.get<FlowTemplate[]>('/api/flow-gallery'),
  get: (id: string) => http.get<{ flow: FlowSummary; versions: FlowVersionInfo[] }>(`/api/flows/${enc(id)}`),
  versions: (id: string) => http.get<FlowVersionInfo[]>(`/api/flows/${enc(id)}/versions`),
  /** Without a version: the draft if there is one, else the active or latest version. */
  version: (id: string, version?: number) =>
    version === undefined
      ? http.get<FlowVersionDocument>(`/api/flows/${enc(id)}/draft`)
      : http.get<FlowVersionDocument>(`/api/flows/${enc(id)}/versions/${version}`),
  create: (definition: FlowDefinition) => http.post<FlowVersionInfo>('/api/flows', definition),
  /**
   * Saves the draft. `revision` is the draft revision the editor loaded; the server refuses (409) a save when someone
   * saved in between. Pass 0 when the editor started from a published version: if a draft appeared meanwhile, the
   * save is refused instead of overwriting it; if there is none, a new draft is created.
   */
  saveDraft: (definition: FlowDefinition, revision: number | null) =>
    http.put<FlowVersionInfo>(`/api/flows/${enc(definition.id)}/draft`, definition, { revision: revision ?? undefined }),
  discardDraft: (id: string) => http.delete<void>(`/api/flows/${enc(id)}/draft`),
  validate: (definition: FlowDefinition, signal?: AbortSignal) =>
    http.request<ValidationReport>('/api/flows/validate', { method: 'POST', body: definition, signal }),
  publish: (id: string) => http.post<FlowVersionInfo>(`/api/flows/${enc(id)}/publish`),
  retract: (id: string) => http.post<FlowVersionInfo>(`/api/flows/${enc(id)}/retract`),
  import: (definition: FlowDefinition, publish = false) =>
    http.post<FlowVersionInfo>('/api/flows/import', definition, { publish: publish || undefined }),
  exportUrl: (id: string, version?: number) =>
    `/api/flows/${enc(id)}/export${version !== undefined ? `?version=${version}` : ''}`,
  startInstance: (id: string, body: { correlationKey?: string; variables?: Record<string, unknown>; input?: unknown; startNodeId?: string }) =>
    http.post<{ instanceId: string; version: number; started: boolean; reason?: string }>(`/api/flows/${enc(id)}/instances`, body),
};
