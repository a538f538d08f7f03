import { useSyncExternalStore } from 'react';

/**
 * A map published to many components where each subscribes to one key: a node re-renders only when its own entry
 * changes (validation errors, path highlighting), not when the canvas's node array does.
 */
export interface KeyedStore<T> {
  set(values: Record<string, T>): void;
  get(key: string): T | undefined;
  subscribe(listener: () => void): () => void;
}

export function createKeyedStore<T>(): KeyedStore<T> {
  let values: Record<string, T> = {};
  const listeners = new Set<() => void>();
  return {
    set(next) {
      values = next;
      for (const l of listeners) l();
    },
    get: (key) => values[key],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useKeyed<T>(store: KeyedStore<T> | null, key: string): T | undefined {
  return useSyncExternalStore(
    store ? store.subscribe : noopSubscribe,
    () => (store ? store.get(key) : undefined),
    () => undefined,
  );
}

const noopSubscribe = () => () => {};
