import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../api/http';
import { ErrorBox, Spinner, Unavailable } from '../components/util';

export type Load<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'missing' } | { state: 'error'; message: string };

/** Loads from a proposed endpoint; a 404 means the server does not have it yet. */
export function useLoad<T>(call: () => Promise<T>, deps: unknown[]): [Load<T>, () => void, (f: (d: T) => T) => void] {
  const [state, setState] = useState<Load<T>>({ state: 'loading' });
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const reload = useCallback(() => {
    call().then(
      (data) => setState({ state: 'ready', data }),
      (e) => setState(e instanceof ApiError && e.status === 404 ? { state: 'missing' } : { state: 'error', message: errorMessage(e) }),
    );
  }, deps);
  useEffect(reload, [reload]);
  const update = useCallback((f: (d: T) => T) => setState((s) => (s.state === 'ready' ? { state: 'ready', data: f(s.data) } : s)), []);
  return [state, reload, update];
}

export function Guard<T>({ load, endpoint, reload, children }: { load: Load<T>; endpoint: string; reload: () => void; children: (data: T) => React.ReactNode }) {
  if (load.state === 'loading') return <Spinner />;
  if (load.state === 'missing') return <Unavailable endpoint={endpoint} />;
  if (load.state === 'error') return <ErrorBox message={load.message} onRetry={reload} />;
  return <>{children(load.data)}</>;
}
