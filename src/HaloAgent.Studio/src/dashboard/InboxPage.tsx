import { useCallback, useState } from 'react';
import { type Conversation, conversationsApi, type ConversationSummary } from '../api/dashboard';
import { errorMessage } from '../api/http';
import { ErrorBox, formatDate } from '../components/util';
import { Guard, useLoad } from './load';

/** Route /inbox */
export function InboxPage() {
  const [list, reload] = useLoad(() => conversationsApi.list(), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [chat, setChat] = useState<Conversation | null>(null);
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = useCallback((id: string) => {
    setSelected(id);
    conversationsApi.get(id).then(setChat, (e) => setError(errorMessage(e)));
  }, []);
  const act = async (call: () => Promise<unknown>) => {
    try {
      await call();
      if (selected) open(selected);
      reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className="page">
      <div className="page-head"><h1>Inbox</h1></div>
      {error && <ErrorBox message={error} />}
      <Guard load={list} endpoint="GET /api/conversations" reload={reload}>
        {(items: ConversationSummary[]) => (
          <div className="inbox">
            <ul className="conversations">
              {items.map((c) => (
                <li key={c.contactId} className={c.contactId === selected ? 'active' : ''} onClick={() => open(c.contactId)}>
                  <b>{c.contactName || c.phone}</b> {c.handledBy === 'human' && <span className="badge warn">you</span>} {c.unread > 0 && <span className="badge">{c.unread}</span>}
                  <div className="hint clamp">{c.lastMessage}</div>
                </li>
              ))}
            </ul>
            <div className="chat">
              {!chat && <p className="hint">Pick a conversation.</p>}
              {chat && (
                <>
                  <div className="chat-head">
                    <b>{chat.contactName}</b> <span className="mono hint">{chat.phone} · {chat.language}</span>
                    <span className="spacer" />
                    {chat.handledBy === 'agent'
                      ? <button type="button" onClick={() => act(() => conversationsApi.takeOver(chat.contactId))}>Take over</button>
                      : <button type="button" onClick={() => act(() => conversationsApi.release(chat.contactId))}>Hand back to agent</button>}
                  </div>
                  <div className="messages">
                    {chat.messages.map((m) => <div key={m.id} className={`msg ${m.direction} ${m.author}`}>{m.text}<span className="hint">{formatDate(m.sentAt)}</span></div>)}
                  </div>
                  <form className="reply" onSubmit={(e) => { e.preventDefault(); if (reply.trim()) void act(() => conversationsApi.reply(chat.contactId, reply.trim())).then(() => setReply('')); }}>
                    <input value={reply} onChange={(e) => setReply(e.target.value)} placeholder={chat.handledBy === 'human' ? 'Reply as the business' : 'Take over to reply'} disabled={chat.handledBy !== 'human'} />
                    <button type="submit" className="primary" disabled={chat.handledBy !== 'human'}>Send</button>
                  </form>
                </>
              )}
            </div>
          </div>
        )}
      </Guard>
    </div>
  );
}
