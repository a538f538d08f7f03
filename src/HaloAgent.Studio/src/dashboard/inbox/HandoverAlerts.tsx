import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { conversationsApi } from '../../api/conversations';
import { openStream } from '../../api/stream';
import { useHandoverAlerts } from './useHandoverAlerts';

type Alerts = ReturnType<typeof useHandoverAlerts>;

const AlertsContext = createContext<Alerts | null>(null);

/**
 * New hand-overs on every page, not only in the inbox: the owner cooking from the Orders page still hears the beep and
 * sees "(1) HaloAgent" and the Inbox link's count. One stream for the whole app feeds it; the inbox shares the state.
 */
export function HandoverAlertsProvider({ openContactId, enabled, children }: { openContactId: string | null; enabled: boolean; children: ReactNode }) {
  const alerts = useHandoverAlerts(openContactId);
  const { remember, observe } = alerts;
  useEffect(() => {
    if (!enabled) return undefined;
    // What is already handed over when the app opens is not news.
    conversationsApi.list().then(remember, () => {});
    return openStream((event) => {
      if (event.type === 'conversation.updated') observe(event.data);
    });
  }, [enabled, remember, observe]);
  return <AlertsContext.Provider value={alerts}>{children}</AlertsContext.Provider>;
}

/** The app's hand-over alerts (the inbox reads and feeds the same state). */
export function useAppHandoverAlerts(): Alerts {
  const shared = useContext(AlertsContext);
  if (!shared) throw new Error('useAppHandoverAlerts needs a HandoverAlertsProvider above it.');
  return shared;
}

/** How many new hand-overs wait (0 outside the provider). */
export function useFreshHandovers(): number {
  return useContext(AlertsContext)?.fresh.length ?? 0;
}
