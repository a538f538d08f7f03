import { useLayoutEffect, useRef, useState } from 'react';
import { chatImageUrl, type ChatMessage } from '../../api/conversations';
import { chatTime } from './labels';

/** Within this many pixels of the bottom the owner is "at the newest": new messages keep the view there. */
const STICK_PX = 80;

/**
 * The messages, oldest at the top. Opens at the newest (the bottom) and stays there as messages arrive, unless the
 * owner scrolled up to read: then a button offers to jump down instead of pulling the view away from what they read.
 */
export function MessageList({ conversationId, messages }: { conversationId: string; messages: ChatMessage[] }) {
  const box = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const opened = useRef<string | null>(null);
  const [missed, setMissed] = useState(0);
  const seen = useRef(0);
  // Where the owner is comes from scroll events (see onScroll), not from measuring while rendering: a render between the
  // box shrinking and the resize observer's callback would read the stale position as "scrolled up".
  const wasAtBottom = atBottom.current;

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const fresh = opened.current !== conversationId;
    if (fresh || wasAtBottom) {
      el.scrollTop = el.scrollHeight;
      atBottom.current = true;
      setMissed(0);
    } else if (messages.length > seen.current) {
      setMissed((n) => n + messages.length - seen.current);
    }
    opened.current = conversationId;
    seen.current = messages.length;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [conversationId, messages]);

  // The box or a message changes size without a new message (the phone rotates, the keyboard opens, a bar above wraps,
  // a scrollbar appears and the text wraps again, a picture loads): an owner at the newest stays there.
  const resizes = useRef<ResizeObserver | null>(null);
  // The box's height as the resize observer last saw it (see onScroll).
  const seenHeight = useRef<number | null>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      seenHeight.current = el.clientHeight;
      if (atBottom.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    resizes.current = observer;
    return () => { observer.disconnect(); resizes.current = null; };
  }, []);
  useLayoutEffect(() => {
    for (const child of Array.from(box.current?.children ?? [])) resizes.current?.observe(child);
  }, [messages]);

  const onScroll = () => {
    const el = box.current;
    // Our own scroll to the newest fires its event later: if a banner shrank the box meanwhile, the event reads
    // "scrolled up" (the phone's deep link did, by 82 px). Until the observer has seen the new size, it is not the owner's.
    if (!el || (typeof ResizeObserver !== 'undefined' && el.clientHeight !== seenHeight.current)) return;
    atBottom.current = isAtBottom(el);
    if (atBottom.current) setMissed(0);
  };

  const jump = () => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    setMissed(0);
  };

  return (
    <div className="inbox-messages-wrap">
      <div className="inbox-messages" ref={box} onScroll={onScroll} data-testid="messages">
        {messages.length === 0 && <p className="hint">No messages yet.</p>}
        {messages.map((m) => (
          <div key={m.id} className={`msg ${m.direction} ${m.author}`} data-testid="message">
            {m.author === 'owner' && <span className="msg-author">You</span>}
            {m.author === 'agent' && <span className="msg-author">Agent</span>}
            {m.imageId && (
              <a className="msg-image" href={chatImageUrl(conversationId, m.imageId)} target="_blank" rel="noreferrer" aria-label="Open the customer's picture">
                <img src={chatImageUrl(conversationId, m.imageId)} alt="Picture from the customer" loading="lazy" data-testid="message-image" />
              </a>
            )}
            {m.text && <span className="msg-text">{m.text}</span>}
            <span className="msg-time">{chatTime(m.sentAt)}{m.status && m.direction === 'out' ? ` · ${m.status}` : ''}</span>
          </div>
        ))}
      </div>
      {missed > 0 && <button type="button" className="inbox-jump" onClick={jump}>{missed} new ↓</button>}
    </div>
  );
}

function isAtBottom(el: HTMLElement): boolean {
  return el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
}
