import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationSummary } from '../../api/conversations';
import { beep, titleWith } from './alerts';

/**
 * New hand-overs while the page is open: each one beeps and counts in the title ("(2) HaloAgent") until the owner
 * opens that chat. Hand-overs that were already there when the page loaded, and the owner's own take-overs, are not new.
 */
export function useHandoverAlerts(openContactId: string | null) {
  const known = useRef(new Map<string, string | null>());
  const mine = useRef(new Set<string>());
  const [fresh, setFresh] = useState<string[]>([]);
  const open = useRef(openContactId);
  open.current = openContactId;

  /** Rows as loaded: what is already handed over is not news. */
  const remember = useCallback((rows: ConversationSummary[]) => {
    for (const row of rows) if (!known.current.has(row.contactId)) known.current.set(row.contactId, row.escalationId ?? null);
  }, []);

  /** A live change to a row: a hand-over it did not have before is news. */
  const observe = useCallback((row: ConversationSummary) => {
    const before = known.current.get(row.contactId);
    known.current.set(row.contactId, row.escalationId ?? null);
    if (!row.escalationId || row.escalationId === before) return;
    // The first escalation after the owner's own take-over is theirs; a later one (after handing back) is news again.
    if (mine.current.delete(row.contactId)) return;
    if (open.current === row.contactId && !document.hidden) return;
    setFresh((list) => (list.includes(row.contactId) ? list : [...list, row.contactId]));
    beep();
  }, []);

  /** The owner takes this chat over from here: its escalation is theirs, not news. */
  const takingOver = useCallback((contactId: string) => mine.current.add(contactId), []);

  useEffect(() => {
    if (openContactId) setFresh((list) => (list.includes(openContactId) ? list.filter((id) => id !== openContactId) : list));
  }, [openContactId]);

  useEffect(() => {
    document.title = titleWith(fresh.length);
  }, [fresh]);
  useEffect(() => () => void (document.title = titleWith(0)), []);

  return { fresh, remember, observe, takingOver };
}
