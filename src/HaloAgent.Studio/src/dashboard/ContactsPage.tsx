import { useState } from 'react';
import { type Contact, contactsApi, type ImportResult } from '../api/dashboard';
import { errorMessage } from '../api/http';
import { isOwner, useRole } from '../api/permissions';
import { pickFile } from '../components/util';
import { Link, navigate } from '../router';
import { consentLabel, shortDate } from './contacts/labels';
import { Guard, useLoad } from './load';
import './contacts/contacts.css';

/** The CSV upload's progress, then what was imported and every refused line with its reason. */
function ImportProgress({ sent, result }: { sent: number; result: ImportResult | null }) {
  const percent = Math.round(sent * 100);
  return (
    <div className="banner info" data-testid="import-progress">
      <progress max={100} value={percent} /> <span>Uploaded {percent}%{result ? '' : sent >= 1 ? ' — checking the rows…' : ''}</span>
      {result && (
        <div data-testid="import-result">
          Imported {result.imported}, updated {result.updated}; {result.errors.length} line(s) refused.
          {result.errors.length > 0 && (
            <table className="table" data-testid="import-errors">
              <thead><tr><th>Line</th><th>Why it was refused</th></tr></thead>
              <tbody>{result.errors.map((e) => <tr key={e.line}><td>{e.line}</td><td>{e.message}</td></tr>)}</tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}

/** One customer in the list: tapping anywhere on the row opens their page (the name is the link for keyboards). */
function ContactRow({ contact: c, onTag }: { contact: Contact; onTag: (tag: string) => void }) {
  const to = `/contacts/${encodeURIComponent(c.id)}`;
  return (
    <tr className="contact-row" data-testid="contact-row" onClick={(e) => { if (!(e.target as HTMLElement).closest('a,button')) navigate(to); }}>
      <td data-label="Name"><Link to={to} className="contact-row-name">{c.name}</Link></td>
      <td data-label="Phone" className="mono">{c.phone}</td>
      <td data-label="Orders" data-testid="contact-orders">{c.orderCount}</td>
      <td data-label="Marketing">
        <span className={`consent consent-${c.consent}`} data-testid="contact-consent">{consentLabel(c.consent)}</span>
        {c.consentChangedAt && <span className="hint"> {shortDate(c.consentChangedAt)}</span>}
      </td>
      <td data-label="Language">{c.language}</td>
      <td data-label="Tags">
        <span className="tag-list">
          {c.tags.map((t) => <button key={t} type="button" className="tag" onClick={() => onTag(t)} title={`Show contacts tagged ${t}`}>{t}</button>)}
        </span>
      </td>
      <td data-label="Last seen">{c.lastSeenAt ? shortDate(c.lastSeenAt) : <span className="hint">never wrote</span>}</td>
    </tr>
  );
}

/** Route /contacts: find a customer by name, phone or tag and open them. */
export function ContactsPage() {
  const params = new URLSearchParams(window.location.search);
  const [q, setQ] = useState(params.get('q') ?? '');
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [tag, setTag] = useState(params.get('tag') ?? '');
  const [contacts, reload] = useLoad(() => contactsApi.search(query, tag || undefined), [query, tag]);
  const [message, setMessage] = useState<string | null>(null);
  const role = useRole();
  const owner = role === undefined || isOwner(role);
  const filterBy = (next: string) => {
    setTag(next);
    navigate(`/contacts${next ? `?tag=${encodeURIComponent(next)}` : ''}`, { replace: true });
  };
  const [upload, setUpload] = useState<{ sent: number; result: ImportResult | null } | null>(null);
  const importCsv = async () => {
    const csv = await pickFile('.csv,text/csv');
    if (!csv) return;
    setMessage(null);
    setUpload({ sent: 0, result: null });
    try {
      const result = await contactsApi.importCsv(csv, (sent) => setUpload((u) => (u && !u.result ? { ...u, sent } : u)));
      setUpload({ sent: 1, result });
      reload();
    } catch (e) {
      setUpload(null);
      setMessage(errorMessage(e));
    }
  };
  return (
    <div className="page contacts-page">
      <div className="page-head">
        <h1>Contacts</h1>
        <span className="spacer" />
        <form role="search" className="contact-search" onSubmit={(e) => { e.preventDefault(); setQuery(q); }}>
          <input type="search" aria-label="Search contacts" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name, phone or tag" />
          <button type="submit">Search</button>
        </form>
        {owner && <button type="button" onClick={importCsv}>Import CSV</button>}
      </div>
      {tag && (
        <div className="banner info" data-testid="tag-filter">
          <span>Tagged <b>{tag}</b></span>
          <button type="button" onClick={() => filterBy('')}>Show all</button>
        </div>
      )}
      {message && <div className="banner info">{message}</div>}
      {upload && <ImportProgress sent={upload.sent} result={upload.result} />}
      <Guard load={contacts} endpoint="GET /api/contacts?q=" reload={reload}>
        {(list) => (
          <table className="table stack contact-table">
            <thead><tr><th>Name</th><th>Phone</th><th>Orders</th><th>Marketing</th><th>Language</th><th>Tags</th><th>Last seen</th></tr></thead>
            <tbody>
              {list.length === 0 && <tr><td colSpan={7} className="hint">No contacts{query || tag ? ' match' : ' yet'}.</td></tr>}
              {list.map((c) => <ContactRow key={c.id} contact={c} onTag={filterBy} />)}
            </tbody>
          </table>
        )}
      </Guard>
    </div>
  );
}
