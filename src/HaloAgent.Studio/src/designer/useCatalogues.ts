import { useEffect, useState } from 'react';
import { activitiesApi } from '../api/flows';
import type { EventDefinition } from '../api/types';
import { type FunctionTable, loadFunctions } from '../flow/expr';

let events: Promise<EventDefinition[]> | null = null;

/** The event catalogue, fetched once per session; without it the event field suggests only the flow's own names. */
export function loadEvents(): Promise<EventDefinition[]> {
  events ??= activitiesApi.events().catch(() => {
    events = null;
    return [];
  });
  return events;
}

function useLoaded<T>(load: () => Promise<T>, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    let live = true;
    void load().then((v) => live && setValue(v));
    return () => {
      live = false;
    };
  }, [load]);
  return value;
}

const NO_EVENTS: EventDefinition[] = [];
const loadFunctionTable = () => loadFunctions();

/** GET /api/events/catalog (empty until loaded, or when it cannot be). */
export const useEventCatalog = () => useLoaded(loadEvents, NO_EVENTS);

/** GET /api/flows/functions as a table (null until loaded, or when it cannot be: see loadFunctions). */
export const useFunctionTable = (): FunctionTable | null => useLoaded<FunctionTable | null>(loadFunctionTable, null);
