/** A node id not in `taken`, derived from `base`: base, base-2, base-3, ... (a trailing -N of base is replaced). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const clean = (base || 'node').toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'node';
  if (!taken.has(clean)) return clean;
  const stem = clean.replace(/-\d+$/, '');
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A readable default id for a new node of an activity type: SendMessage → send-message. */
export function idForType(type: string): string {
  return type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
