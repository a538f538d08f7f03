import type { Conversation } from '../../api/conversations';
import { naira } from '../../api/money';
import { channelLabel, chatTime, languageLabel, noteLabel } from './labels';

/** Beside the chat: who the customer is, their latest orders and what the agent remembers of them. */
export function ContactPanel({ chat }: { chat: Conversation }) {
  const notes = Object.entries(chat.notes ?? {}).filter(([, v]) => v);
  return (
    <aside className="inbox-contact" aria-label="Contact details" data-testid="contact-panel">
      <h3>{chat.contactName}</h3>
      <dl>
        <dt>Phone</dt>
        <dd className="mono">{chat.phone || '—'}</dd>
        <dt>Channel</dt>
        <dd>{channelLabel(chat.channel)}</dd>
        <dt>Language</dt>
        <dd>{languageLabel(chat.language)}</dd>
      </dl>
      {chat.teamNote && (
        <>
          <h4>Team note</h4>
          <p className="pre" data-testid="team-note">{chat.teamNote}</p>
        </>
      )}
      <h4>Recent orders</h4>
      {(chat.orders ?? []).length === 0
        ? <p className="hint">No orders yet.</p>
        : (
          <ul className="inbox-orders">
            {chat.orders!.map((o) => (
              <li key={o.id}>
                <b>{o.number}</b> <span className="badge">{o.status}</span>
                <span className="hint"> {naira(o.totalKobo)} · {chatTime(o.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      <h4>Notes</h4>
      {notes.length === 0
        ? <p className="hint">Nothing remembered yet.</p>
        : (
          <dl>
            {notes.map(([k, v]) => <div key={k}><dt>{noteLabel(k)}</dt><dd>{v}</dd></div>)}
          </dl>
        )}
    </aside>
  );
}
