import { useState } from 'react';
import { type Contact, contactsApi, type ImportResult } from '../api/dashboard';
import { errorMessage } from '../api/http';
import { formatDate, pickFile } from '../components/util';
import { Guard, useLoad } from './load';

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

/** Route /contacts */
export function ContactsPage() {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [contacts, reload, update] = useLoad(() => contactsApi.search(query), [query]);
  const [message, setMessage] = useState<string | null>(null);
  const remove = async (c: Contact) => {
    if (!window.confirm(`Delete ${c.name || c.phone} and all their data? This cannot be undone.`)) return;
    try {
      await contactsApi.remove(c.id);
      update((list) => list.filter((x) => x.id !== c.id));
    } catch (e) {
      setMessage(errorMessage(e));
    }
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
    <div className="page">
      <div className="page-head">
        <h1>Contacts</h1>
        <span className="spacer" />
        <form onSubmit={(e) => { e.preventDefault(); setQuery(q); }}><input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search name or phone" /></form>
        <button type="button" onClick={importCsv}>Import CSV</button>
      </div>
      {message && <div className="banner info">{message}</div>}
      {upload && <ImportProgress sent={upload.sent} result={upload.result} />}
      <Guard load={contacts} endpoint="GET /api/contacts?q=" reload={reload}>
        {(list) => (
          <table className="table stack">
            <thead><tr><th>Name</th><th>Phone</th><th>Language</th><th>Marketing</th><th>Orders</th><th>Since</th><th /></tr></thead>
            <tbody>
              {list.length === 0 && <tr><td colSpan={7} className="hint">No contacts.</td></tr>}
              {list.map((c) => (
                <tr key={c.id}>
                  <td data-label="Name">{c.name}</td>
                  <td data-label="Phone" className="mono">{c.phone}</td>
                  <td data-label="Language">{c.language}</td>
                  <td data-label="Marketing">{c.marketingOptIn ? 'opted in' : <span className="hint">opted out</span>}</td>
                  <td data-label="Orders">{c.orderCount}</td>
                  <td data-label="Since">{formatDate(c.createdAt)}</td>
                  <td className="actions">
                    <a href={contactsApi.exportUrl(c.id)} download>Export data</a>
                    <button type="button" className="link danger" onClick={() => remove(c)}>Delete</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Guard>
    </div>
  );
}
