import type { ConversationSummary } from '../../api/conversations';
import { channelLabel, chatTime } from './labels';

/** The inbox's left pane (the whole screen on a phone until a chat is open). */
export function ConversationList({ items, selected, onOpen }: { items: ConversationSummary[]; selected: string | null; onOpen: (contactId: string) => void }) {
  if (items.length === 0) return <p className="hint inbox-empty">No conversations yet. When a customer writes on WhatsApp or the web chat, it shows here.</p>;
  return (
    <ul className="inbox-list" aria-label="Conversations">
      {items.map((c) => (
        <li key={c.contactId}>
          <button
            type="button"
            className={`inbox-row${c.contactId === selected ? ' active' : ''}${c.unread > 0 ? ' unread' : ''}`}
            data-testid="conversation-row"
            data-contact={c.contactId}
            onClick={() => onOpen(c.contactId)}
          >
            <span className="inbox-avatar" aria-hidden="true">{initial(c.contactName)}</span>
            <span className="inbox-row-body">
              <span className="inbox-row-top">
                <b className="inbox-name">{c.contactName}</b>
                <span className="hint inbox-time">{chatTime(c.lastMessageAt)}</span>
              </span>
              <span className="inbox-row-meta hint">
                {c.phone && <span className="mono">{c.phone}</span>}
                <span className="badge">{channelLabel(c.channel)}</span>
                {c.handledBy === 'human' && <span className="badge warn">{c.escalationId ? 'Handed over' : 'You'}</span>}
              </span>
              <span className="inbox-row-last">
                <span className="inbox-last">{c.lastMessage}</span>
                {c.unread > 0 && <span className="inbox-unread" aria-label={`${c.unread} unread`}>{c.unread}</span>}
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function initial(name: string): string {
  const letter = [...name.trim()].find((ch) => /\p{L}/u.test(ch));
  return (letter ?? '#').toUpperCase();
}
