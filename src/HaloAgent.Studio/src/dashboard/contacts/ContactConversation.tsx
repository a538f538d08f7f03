import { useEffect, useRef } from 'react';
import type { ContactMessage } from '../../api/contacts';
import { formatDate } from '../../components/util';
import { Link } from '../../router';

/** The recent chat, read-only: oldest first and scrolled to the newest, with the way into the inbox to answer. */
export function ContactConversation({ contactId, messages }: { contactId: string; messages: ContactMessage[] }) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = end.current?.parentElement;
    if (box) box.scrollTop = box.scrollHeight;
  }, [messages]);
  return (
    <section className="card" aria-labelledby="chat-h">
      <div className="card-head">
        <h2 id="chat-h">Conversation</h2>
        <Link to={`/inbox?contact=${encodeURIComponent(contactId)}`} className="button">Open in inbox</Link>
      </div>
      {messages.length === 0 ? <p className="hint">They have not written yet.</p> : (
        <div className="contact-chat" data-testid="contact-chat">
          {messages.map((m) => (
            <div key={m.id} className={`bubble bubble-${m.direction}`} data-testid="contact-message">
              <div>{m.text}</div>
              <div className="hint">{m.direction === 'out' ? (m.author === 'owner' ? 'You' : 'Agent') : 'Customer'} · {formatDate(m.sentAt)}</div>
            </div>
          ))}
          <div ref={end} />
        </div>
      )}
    </section>
  );
}
