import { useState } from 'react';
import { type ContactDetail, contactsApi } from '../../api/contacts';
import { errorMessage } from '../../api/http';

/** The owner's data requests: export everything, or erase the contact after a confirmation that names them. */
export function EraseContact({ contact: c, onErased }: { contact: ContactDetail; onErased: () => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const who = c.phone && c.phone !== c.name ? `${c.name} (${c.phone})` : c.name;
  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      await contactsApi.remove(c.id);
      onErased();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="data-h">
      <h2 id="data-h">Their data</h2>
      <div className="contact-actions">
        <a className="button" href={contactsApi.exportUrl(c.id)} download>Export data</a>
        {!asking && <button type="button" className="danger" onClick={() => setAsking(true)}>Erase contact…</button>}
      </div>
      {asking && (
        <div className="banner warn" role="alertdialog" aria-labelledby="erase-q">
          <span id="erase-q">Erase <b>{who}</b>? Their name, number, chat and what the agent remembers are removed for good; their orders stay, without a name, for your books.</span>
          <button type="button" className="danger" disabled={busy} onClick={erase}>Erase {c.name}</button>
          <button type="button" disabled={busy} onClick={() => setAsking(false)}>Cancel</button>
        </div>
      )}
      {error && <div className="banner error">{error}</div>}
    </section>
  );
}
