import { useState } from 'react';
import { type ContactDetail, contactsApi } from '../../api/contacts';
import { errorMessage } from '../../api/http';
import { canEditContacts, useRole } from '../../api/permissions';
import { Link } from '../../router';
import { languageName, shortDate } from './labels';

/** Name, language and tags (editable by the owner and agents), loyalty and when they were first and last seen. */
export function ContactProfile({ contact: c, onChanged }: { contact: ContactDetail; onChanged: (next: ContactDetail) => void }) {
  const editable = canEditContacts(useRole());
  const [tag, setTag] = useState('');
  const [note, setNote] = useState(c.teamNote ?? '');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (patch: { language?: string; tags?: string[]; teamNote?: string }, done: string) => {
    setBusy(true);
    setStatus(null);
    try {
      onChanged(await contactsApi.update(c.id, patch));
      setStatus({ ok: true, text: done });
      return true;
    } catch (e) {
      setStatus({ ok: false, text: errorMessage(e) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const addTag = async () => {
    const next = tag.trim();
    if (!next) return;
    if (await save({ tags: [...c.tags, next] }, `Tag “${next}” added`)) setTag('');
  };
  return (
    <section className="card" aria-labelledby="profile-h">
      <h2 id="profile-h">Profile</h2>
      <dl className="contact-facts">
        <div>
          <dt><label htmlFor="contact-language">Language</label></dt>
          <dd>
            {editable ? (
              <select id="contact-language" value={c.language} disabled={busy}
                onChange={(e) => void save({ language: e.target.value }, `Language set to ${languageName(e.target.value)}`)}>
                {c.languages.map((l) => <option key={l} value={l}>{languageName(l)}</option>)}
              </select>
            ) : languageName(c.language)}
          </dd>
        </div>
        <div>
          <dt>Tags</dt>
          <dd className="tag-editor">
            <span className="tag-list" data-testid="contact-tags">
              {c.tags.length === 0 && <span className="hint">none</span>}
              {c.tags.map((t) => (
                <span key={t} className="tag">
                  <Link to={`/contacts?tag=${encodeURIComponent(t)}`}>{t}</Link>
                  {editable && <button type="button" className="icon" disabled={busy} aria-label={`Remove tag ${t}`}
                    onClick={() => void save({ tags: c.tags.filter((x) => x !== t) }, `Tag “${t}” removed`)}>×</button>}
                </span>
              ))}
            </span>
            {editable && (
              <form className="tag-add" onSubmit={(e) => { e.preventDefault(); void addTag(); }}>
                <input aria-label="New tag" value={tag} onChange={(e) => setTag(e.target.value)} placeholder="vip, lekki…" maxLength={30} />
                <button type="submit" disabled={busy || !tag.trim()}>Add tag</button>
              </form>
            )}
          </dd>
        </div>
        <div>
          <dt><label htmlFor="contact-note">Team note</label></dt>
          <dd>
            {editable ? (
              <form className="note-edit" onSubmit={(e) => { e.preventDefault(); void save({ teamNote: note }, note.trim() ? 'Note saved' : 'Note cleared'); }}>
                <textarea id="contact-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)}
                  placeholder="Only your team sees this: allergies, how they pay, who picks up…" />
                <button type="submit" disabled={busy || note === (c.teamNote ?? '')}>Save note</button>
              </form>
            ) : c.teamNote ? <span className="pre">{c.teamNote}</span> : <span className="hint">none</span>}
          </dd>
        </div>
        <div><dt>Loyalty points</dt><dd>{c.loyaltyPoints}</dd></div>
        <div><dt>First seen</dt><dd>{shortDate(c.firstSeenAt)}</dd></div>
        <div><dt>Last seen</dt><dd>{c.lastSeenAt ? shortDate(c.lastSeenAt) : <span className="hint">never wrote</span>}</dd></div>
      </dl>
      {status && <div className={`banner ${status.ok ? 'success' : 'error'}`} role="status">{status.text}</div>}
    </section>
  );
}
