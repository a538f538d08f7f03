import { useState } from 'react';

/** The reply box: only while the owner has the chat (two voices confuse customers); quick replies insert canned text. */
export function Composer({ enabled, quickReplies, onSend }: { enabled: boolean; quickReplies: string[]; onSend: (text: string) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [showQuick, setShowQuick] = useState(false);
  const send = async () => {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    try {
      if (await onSend(body)) setText('');
    } finally {
      setSending(false);
    }
  };
  return (
    <div className="inbox-composer">
      {showQuick && enabled && (
        <ul className="inbox-quick" aria-label="Quick replies">
          {quickReplies.length === 0 && <li className="hint">No quick replies yet.</li>}
          {quickReplies.map((q) => (
            <li key={q}>
              <button type="button" onClick={() => { setText((t) => (t.trim() ? `${t.trimEnd()} ${q}` : q)); setShowQuick(false); }}>{q}</button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => { e.preventDefault(); void send(); }}>
        <button type="button" className="inbox-quick-toggle" aria-expanded={showQuick} disabled={!enabled} onClick={() => setShowQuick((s) => !s)} title="Quick replies">
          ⚡<span className="sr-only">Quick replies</span>
        </button>
        <textarea
          rows={1}
          aria-label="Reply"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void send();
            }
          }}
          placeholder={enabled ? 'Reply as the business' : 'Take over to reply'}
          disabled={!enabled}
        />
        <button type="submit" className="primary" disabled={!enabled || sending || !text.trim()}>Send</button>
      </form>
    </div>
  );
}
