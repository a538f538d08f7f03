import { useCallback, useEffect, useState } from 'react';
import { accountApi, actionLabel, AUDIT_FAMILIES, type AuditItem, type AuditPage, changes, TEAM_ROLES, type TeamMember } from '../api/account';
import { errorMessage } from '../api/http';
import { isOwner, useRole } from '../api/permissions';
import { ErrorBox, formatDate, Spinner } from '../components/util';

// The owner's pages: the team (users and roles), the activity log, and the account page every user has.

export function OwnerOnly({ title, children }: { title: string; children: React.ReactNode }) {
  const role = useRole();
  if (role !== undefined && !isOwner(role)) {
    return (
      <div className="page">
        <div className="page-head"><h1>{title}</h1></div>
        <div className="banner info" data-testid="owner-only">Only the business’s owner sees this page; your role is {role}.</div>
      </div>
    );
  }
  return <>{children}</>;
}

const PAGE_SIZE = 25;

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function AuditEntry({ item }: { item: AuditItem }) {
  const diff = changes(item.before, item.after);
  return (
    <li className="audit-item card" data-testid="audit-item" data-action={item.action}>
      <div className="audit-line">
        <b>{item.actor}</b> {item.actorRole && <span className="badge">{item.actorRole}</span>} {actionLabel(item.action)}
        {item.targetType && <span className="hint"> · {item.targetType}{item.targetId ? ` ${item.targetId}` : ''}</span>}
      </div>
      <div className="hint">{formatDate(item.at)}</div>
      {diff.length > 0 && (
        <ul className="audit-changes">
          {diff.map((d) => (
            <li key={d.field}>
              <span className="mono">{d.field}</span>: {item.before != null && <><s className="hint">{show(d.from)}</s> → </>}<b>{show(d.to)}</b>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Route /activity: what the owner and the team did, newest first. */
export function ActivityLogPage() {
  return <OwnerOnly title="Activity log"><ActivityLog /></OwnerOnly>;
}

function ActivityLog() {
  const [action, setAction] = useState('');
  const [skip, setSkip] = useState(0);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    setError(null);
    accountApi.audit({ skip, take: PAGE_SIZE, action: action || undefined }).then(setPage, (e) => setError(errorMessage(e)));
  }, [skip, action]);
  useEffect(load, [load]);
  return (
    <div className="page">
      <div className="page-head">
        <h1>Activity log</h1>
        <span className="spacer" />
        <label className="hint" htmlFor="audit-filter">Show</label>
        <select id="audit-filter" value={action} onChange={(e) => { setSkip(0); setAction(e.target.value); }}>
          {AUDIT_FAMILIES.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
        </select>
        <button type="button" onClick={load}>Refresh</button>
      </div>
      {error && <ErrorBox message={error} onRetry={load} />}
      {!page && !error && <Spinner />}
      {page && (
        <>
          {page.items.length === 0 && <p className="hint">Nothing recorded yet.</p>}
          <ol className="audit-list" data-testid="audit-list">{page.items.map((i) => <AuditEntry key={i.id} item={i} />)}</ol>
          <div className="pager">
            <button type="button" disabled={skip === 0} onClick={() => setSkip(Math.max(0, skip - PAGE_SIZE))}>Newer</button>
            <span className="hint">{skip + 1}–{skip + page.items.length}</span>
            <button type="button" disabled={!page.hasMore} onClick={() => setSkip(skip + PAGE_SIZE)}>Older</button>
          </div>
        </>
      )}
    </div>
  );
}

/** Route /team: who can sign in to the business, with which role. */
export function TeamPage() {
  return <OwnerOnly title="Team"><Team /></OwnerOnly>;
}

function Team() {
  const [members, setMembers] = useState<TeamMember[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [form, setForm] = useState({ email: '', name: '', role: 'agent', password: '' });
  const load = useCallback(() => { accountApi.team().then(setMembers, (e) => setMessage({ kind: 'error', text: errorMessage(e) })); }, []);
  useEffect(load, [load]);
  const run = async (call: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await call();
      setMessage({ kind: 'success', text: done });
      load();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };
  return (
    <div className="page">
      <div className="page-head"><h1>Team</h1></div>
      {message && <div className={`banner ${message.kind}`}>{message.text}</div>}
      {!members ? <Spinner /> : (
        <table className="table stack">
          <thead><tr><th>Name</th><th>E-mail</th><th>Role</th><th /></tr></thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td className="mono">{m.email}</td>
                <td>
                  <select aria-label={`Role of ${m.email}`} value={m.role} onChange={(e) => run(() => accountApi.setRole(m.id, e.target.value), `${m.name} is now ${e.target.value}.`)}>
                    {TEAM_ROLES.map((r) => <option key={r}>{r}</option>)}
                  </select>
                </td>
                <td className="actions">
                  <button type="button" className="link danger" onClick={() => { if (window.confirm(`Remove ${m.name}? They are signed out at once.`)) void run(() => accountApi.removeMember(m.id), `${m.name} was removed.`); }}>Remove</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Add someone</h2>
      <form className="inline-form card" onSubmit={(e) => { e.preventDefault(); void run(() => accountApi.addMember(form), `${form.name} can sign in now.`).then(() => setForm({ email: '', name: '', role: 'agent', password: '' })); }}>
        <label>Name<input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required /></label>
        <label>E-mail<input type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} required /></label>
        <label>Role<select aria-label="Role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>{TEAM_ROLES.map((r) => <option key={r}>{r}</option>)}</select></label>
        <label>First password<input type="password" minLength={10} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} required /></label>
        <button type="submit" className="primary">Add</button>
      </form>
    </div>
  );
}

/** Route /account: change the password; sign out of every device. */
export function AccountPage({ onSignedOut }: { onSignedOut: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const change = async () => {
    try {
      await accountApi.changePassword(current, next);
      setCurrent('');
      setNext('');
      setMessage({ kind: 'success', text: 'Password changed. Your other devices were signed out.' });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };
  return (
    <div className="page">
      <div className="page-head"><h1>Your account</h1></div>
      {message && <div className={`banner ${message.kind}`}>{message.text}</div>}
      <form className="card sign-in" onSubmit={(e) => { e.preventDefault(); void change(); }}>
        <h2>Change password</h2>
        <label>Current password<input type="password" value={current} onChange={(e) => setCurrent(e.target.value)} required autoComplete="current-password" /></label>
        <label>New password (at least 10 characters)<input type="password" minLength={10} value={next} onChange={(e) => setNext(e.target.value)} required autoComplete="new-password" /></label>
        <button type="submit" className="primary">Change password</button>
      </form>
      <div className="card">
        <h2>Devices</h2>
        <p className="hint">Lost a phone, or signed in on a shared computer? This signs you out on every device, this one too.</p>
        <button type="button" className="danger" onClick={() => accountApi.logoutEverywhere().finally(onSignedOut)}>Sign out everywhere</button>
      </div>
    </div>
  );
}
