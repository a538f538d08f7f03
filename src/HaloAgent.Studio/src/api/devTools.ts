import { useEffect, useState } from 'react';
import { ApiError, errorMessage, http } from './http';

/** Whether this server shows the Studio's developer pages; `reason` says why not when it does not. */
export type DevTools = { enabled: true } | { enabled: false; reason: string };

/** GET /api/studio/dev-tools: 200 when on; the server refuses (403, or 404 on a server without it) when off. */
export async function loadDevTools(): Promise<DevTools> {
  try {
    await http.get<{ enabled: boolean }>('/api/studio/dev-tools');
    return { enabled: true };
  } catch (e) {
    if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return { enabled: false, reason: errorMessage(e) };
    throw e;
  }
}

/** null while asking; a failed request counts as off (the developer pages are never shown by mistake). */
export function useDevTools(): DevTools | null {
  const [state, setState] = useState<DevTools | null>(null);
  useEffect(() => {
    let live = true;
    loadDevTools().then((s) => live && setState(s), (e) => live && setState({ enabled: false, reason: errorMessage(e) }));
    return () => { live = false; };
  }, []);
  return state;
}
