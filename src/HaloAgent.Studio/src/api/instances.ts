import { http } from './http';
import type { InstanceDetails, InstanceStatus, InstanceSummary } from './types';

export interface InstanceQuery {
  flowId?: string;
  version?: number;
  status?: InstanceStatus | '';
  correlationKey?: string;
  from?: string;
  to?: string;
  skip?: number;
  take?: number;
}

const enc = encodeURIComponent;

export const instancesApi = {
  list: (query: InstanceQuery, signal?: AbortSignal) =>
    http.get<InstanceSummary[]>('/api/instances', { ...query } as Record<string, string | number | undefined>, signal),
  get: (id: string) => http.get<InstanceDetails>(`/api/instances/${enc(id)}`),
  retry: (id: string) => http.post<void>(`/api/instances/${enc(id)}/retry`),
  cancel: (id: string) => http.post<void>(`/api/instances/${enc(id)}/cancel`),
  migrate: (id: string, version: number, nodeId: string) =>
    http.post<void>(`/api/instances/${enc(id)}/migrate`, { version, nodeId }),
  raiseEvent: (id: string, name: string, payload?: unknown) =>
    http.post<unknown>(`/api/instances/${enc(id)}/events`, { name, payload }),
};
