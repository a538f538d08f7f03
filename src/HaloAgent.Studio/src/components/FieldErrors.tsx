/** The server's (or the page's own) messages for one field of a form, under that field; nothing when it has none. */
export function FieldErrors({ errors, field }: { errors: Record<string, string[]>; field: string }) {
  const messages = errors[field];
  if (!messages?.length) return null;
  return <ul className="field-errors" data-testid={`error-${field}`}>{messages.map((m) => <li key={m}>{m}</li>)}</ul>;
}
