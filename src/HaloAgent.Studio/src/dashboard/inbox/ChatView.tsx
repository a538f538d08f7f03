import { useState } from 'react';
import type { Conversation } from '../../api/conversations';
import { Composer } from './Composer';
import { ContactPanel } from './ContactPanel';
import { channelLabel, languageLabel } from './labels';
import { MessageList } from './MessageList';

interface Props {
  chat: Conversation;
  quickReplies: string[];
  onBack: () => void;
  onTakeOver: () => void;
  onRelease: () => void;
  onSend: (text: string) => Promise<boolean>;
}

/** One open conversation: who it is with, why a person has it, the messages (newest in view) and the reply box. */
export function ChatView({ chat, quickReplies, onBack, onTakeOver, onRelease, onSend }: Props) {
  const [details, setDetails] = useState(false);
  const human = chat.handledBy === 'human';
  return (
    <div className={`inbox-chat${details ? ' details-open' : ''}`}>
      <section className="inbox-thread" aria-label={`Conversation with ${chat.contactName}`}>
        <header className="inbox-chat-head">
          <button type="button" className="inbox-back" onClick={onBack} aria-label="Back to conversations">←</button>
          <div className="inbox-who">
            <b className="inbox-name" data-testid="chat-name">{chat.contactName}</b>
            <span className="hint">
              {[chat.phone, channelLabel(chat.channel), languageLabel(chat.language)].filter(Boolean).join(' · ')}
            </span>
          </div>
          <button type="button" className="inbox-details-toggle" aria-expanded={details} onClick={() => setDetails((d) => !d)}>Details</button>
          {human
            ? <button type="button" onClick={onRelease}>Hand back</button>
            : <button type="button" className="primary" onClick={onTakeOver}>Take over</button>}
        </header>
        {human && (
          <div className="banner warn inbox-handover" data-testid="handover-reason">
            <span>
              <b>{chat.escalationId ? 'Handed over to you' : 'You have this chat'}</b>
              {chat.handoverReason && <>: {chat.handoverReason}</>}
              <span className="hint"> The agent stays quiet until you hand the chat back.</span>
            </span>
          </div>
        )}
        <MessageList conversationId={chat.contactId} messages={chat.messages} />
        <Composer key={chat.contactId} enabled={human} quickReplies={quickReplies} onSend={onSend} />
      </section>
      <ContactPanel chat={chat} />
    </div>
  );
}
