import { useEffect, useState } from 'react';
import { activitiesApi } from '../api/flows';
import { errorMessage } from '../api/http';
import type { ActivityDescriptor } from '../api/types';
import { descriptorMap, type DescriptorMap } from '../flow/model';

let cache: Promise<ActivityDescriptor[]> | null = null;

export function loadActivities(): Promise<ActivityDescriptor[]> {
  cache ??= activitiesApi.list().catch((e) => {
    cache = null;
    throw e;
  });
  return cache;
}

export type ActivitiesState =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; list: ActivityDescriptor[]; map: DescriptorMap };

/** The activity catalogue (GET /api/activities), fetched once per session. */
export function useActivities(): ActivitiesState {
  const [state, setState] = useState<ActivitiesState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    loadActivities()
      .then((list) => live && setState({ state: 'ready', list, map: descriptorMap(list) }))
      .catch((e) => live && setState({ state: 'error', message: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
