import type { EventDefinition } from '../api/types';

export interface EventSuggestion {
  name: string;
  /** The catalogue's description; none for a name only this flow uses. */
  description?: string;
}

/**
 * What the event field suggests for `text`: the catalogue's events (GET /api/events/catalog) and the names this flow
 * already uses (but not the text itself), those containing the text (case-insensitive), names starting with it first.
 */
export function suggestEvents(catalog: readonly EventDefinition[], used: readonly string[], text: string): EventSuggestion[] {
  const all = new Map<string, EventSuggestion>();
  for (const e of catalog) all.set(e.name, { name: e.name, description: e.description });
  // What is being typed is in `used` too (the field's own node): suggesting it back tells nothing.
  for (const name of used) if (name && name !== text.trim() && !all.has(name)) all.set(name, { name });
  const needle = text.trim().toLowerCase();
  const hits = [...all.values()].filter((s) => s.name.toLowerCase().includes(needle));
  const rank = (s: EventSuggestion) => (s.name.toLowerCase().startsWith(needle) ? 0 : 1);
  return hits.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
