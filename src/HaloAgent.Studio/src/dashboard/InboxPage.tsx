import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type Conversation, conversationsApi, type ConversationSummary, openStream, upsertConversation } from '../api/dashboard';
import { errorMessage } from '../api/http';
import { ErrorBox, Spinner } from '../components/util';
import { navigate, useLocation } from '../router';
import { ChatView } from './inbox/ChatView';
import { ConversationList } from './inbox/ConversationList';
import { QuickRepliesEditor, useQuickReplies } from './inbox/QuickReplies';
import { useAppHandoverAlerts } from './inbox/HandoverAlerts';
import { Guard, useLoad } from './load';
import './inbox/inbox.css';

/**
 * Route /inbox (and /inbox?contact=<id>, a deep link to one chat). Live: every change to a conversation arrives on the
 * stream and updates its row; the open chat is read again, so messages in and out appear without a reload.
 * On a phone the list and the open chat take turns on the screen; on a desktop they sit side by side.
 */
export function InboxPage() {
  const { search } = useLocation();
  const selected = search.get('contact');
  const [list, reload, update] = useLoad(() => conversationsApi.list(), []);
  const [chat, setChat] = useState<Conversation | null>(null);
  const [chatError, setChatError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  const [editingQuick, setEditingQuick] = useState(false);
  const alerts = useAppHandoverAlerts();
  const { remember, observe } = alerts;
  const quick = useQuickReplies();
  const open = useRef(selected);
  open.current = selected;
  const reads = useRef(0);
  const [box, height] = useFillHeight();

  const refreshChat = useCallback((contactId: string) => {
    const read = ++reads.current;
    conversationsApi.get(contactId).then(
      (c) => {
        // A slower, older read must not replace a newer one; nor may a chat the owner already left.
        if (read !== reads.current || open.current !== contactId) return;
        setChat(c);
        setChatError(null);
        // Seen while the page is in front: read. A hidden tab leaves it unread for when the owner comes back.
        if (c.unread > 0 && !document.hidden) conversationsApi.markRead(contactId).catch(() => {});
        update((rows) => upsertConversation(rows, { ...summaryOf(c), unread: 0 }));
      },
      (e) => {
        if (open.current === contactId) setChatError(errorMessage(e));
      },
    );
  }, [update]);

  useEffect(() => {
    setChat((c) => (c?.contactId === selected ? c : null));
    setChatError(null);
    if (selected) refreshChat(selected);
  }, [selected, refreshChat]);

  useEffect(() => {
    const back = () => {
      if (!document.hidden && open.current) refreshChat(open.current);
    };
    document.addEventListener('visibilitychange', back);
    return () => document.removeEventListener('visibilitychange', back);
  }, [refreshChat]);

  useEffect(() => {
    if (list.state === 'ready') remember(list.data);
  }, [list, remember]);

  useEffect(() => {
    let wasDown = false;
    return openStream(
      (event) => {
        if (event.type !== 'conversation.updated') return;
        const row = event.data;
        observe(row);
        const isOpen = row.contactId === open.current;
        update((rows) => upsertConversation(rows, isOpen ? { ...row, unread: 0 } : row));
        if (isOpen) refreshChat(row.contactId);
      },
      (connected) => {
        setLive(connected);
        // Changes made while the stream was down were not sent: read everything again once it is back.
        if (connected && wasDown) {
          reload();
          if (open.current) refreshChat(open.current);
        }
        wasDown = !connected;
      },
    );
  }, [observe, update, refreshChat, reload]);

  const act = async (call: () => Promise<unknown>): Promise<boolean> => {
    try {
      await call();
      setError(null);
      if (open.current) refreshChat(open.current);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };

  const openChat = (contactId: string) => navigate(`/inbox?contact=${encodeURIComponent(contactId)}`);
  const back = () => navigate('/inbox');

  return (
    <div className={`page inbox-page${selected ? ' has-chat' : ''}`}>
      <div className="page-head inbox-head">
        <h1>Inbox</h1>
        {alerts.fresh.length > 0 && <span className="badge warn" data-testid="new-handovers">{alerts.fresh.length} new hand-over{alerts.fresh.length > 1 ? 's' : ''}</span>}
        <span className="spacer" />
        <button type="button" onClick={() => setEditingQuick((v) => !v)} aria-expanded={editingQuick}>Quick replies</button>
        <span className={`inbox-live${live ? ' on' : ''}`} data-testid="live">{live ? 'Live' : 'Connecting…'}</span>
      </div>
      {editingQuick && <QuickRepliesEditor replies={quick.replies} onSave={quick.save} onClose={() => setEditingQuick(false)} />}
      {error && <ErrorBox message={error} />}
      <Guard load={list} endpoint="GET /api/conversations" reload={reload}>
        {(items: ConversationSummary[]) => (
          <div className="inbox" ref={box} style={height ? { height } : undefined}>
            <div className="inbox-list-pane">
              <ConversationList items={items} selected={selected} onOpen={openChat} />
            </div>
            <div className="inbox-chat-pane">
              {!selected && <p className="hint inbox-empty">Pick a conversation.</p>}
              {selected && chatError && <ErrorBox message={chatError} onRetry={() => refreshChat(selected)} />}
              {selected && !chat && !chatError && <Spinner />}
              {chat && (
                <ChatView
                  chat={chat}
                  quickReplies={quick.replies}
                  onBack={back}
                  onTakeOver={() => {
                    alerts.takingOver(chat.contactId);
                    void act(() => conversationsApi.takeOver(chat.contactId));
                  }}
                  onRelease={() => void act(() => conversationsApi.release(chat.contactId))}
                  onSend={async (text) => {
                    let sent = false;
                    await act(async () => {
                      const message = await conversationsApi.reply(chat.contactId, text);
                      sent = true;
                      setChat((c) => (c && c.contactId === chat.contactId && !c.messages.some((m) => m.id === message.id) ? { ...c, messages: [...c.messages, message] } : c));
                    });
                    return sent;
                  }}
                />
              )}
            </div>
          </div>
        )}
      </Guard>
    </div>
  );
}

/**
 * The inbox fills the screen below whatever sits above it (bars, banners, the quick replies editor), so the chat's
 * reply box stays in view on a phone and only the messages scroll.
 */
function useFillHeight(): [React.RefObject<HTMLDivElement | null>, number | null] {
  const box = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState<number | null>(null);
  const fit = useCallback(() => {
    const el = box.current;
    if (!el) return;
    const top = el.getBoundingClientRect().top + window.scrollY;
    const next = Math.max(360, Math.floor(window.innerHeight - top - 12));
    setHeight((h) => (h === next ? h : next));
  }, []);
  useLayoutEffect(fit);
  useEffect(() => {
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [fit]);
  return [box, height];
}

function summaryOf(c: Conversation): ConversationSummary {
  const { messages: _messages, orders: _orders, notes: _notes, ...summary } = c;
  return summary;
}
