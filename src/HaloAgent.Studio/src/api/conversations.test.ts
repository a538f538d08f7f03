import { describe, expect, it } from 'vitest';
import { type ConversationSummary, sortConversations, upsertConversation } from './conversations';
import { titleWith } from '../dashboard/inbox/alerts';

const row = (contactId: string, at: string, handledBy: 'agent' | 'human' = 'agent', lastMessage = ''): ConversationSummary => ({
  contactId, contactName: contactId, phone: '', channel: 'whatsapp', language: 'en', lastMessage, lastMessageAt: at, unread: 0, handledBy,
});

describe('the inbox list', () => {
  it('puts chats with a person first, then the latest message first', () => {
    const list = sortConversations([row('a', '2026-12-07T10:00:00Z'), row('b', '2026-12-07T11:00:00Z'), row('c', '2026-12-07T09:00:00Z', 'human')]);
    expect(list.map((c) => c.contactId)).toEqual(['c', 'b', 'a']);
  });

  it('moves a row with a new message to the top and replaces it, never duplicates it', () => {
    const list = [row('a', '2026-12-07T11:00:00Z'), row('b', '2026-12-07T10:00:00Z')];
    const next = upsertConversation(list, row('b', '2026-12-07T12:00:00Z', 'agent', 'Is the jollof ready?'));
    expect(next.map((c) => c.contactId)).toEqual(['b', 'a']);
    expect(next[0].lastMessage).toBe('Is the jollof ready?');
    expect(upsertConversation(next, row('new', '2026-12-07T13:00:00Z')).map((c) => c.contactId)).toEqual(['new', 'b', 'a']);
  });
});

describe('the title badge', () => {
  it('counts new hand-overs in front of the name, and only while there are any', () => {
    expect(titleWith(2)).toBe('(2) HaloAgent');
    expect(titleWith(0)).toBe('HaloAgent');
  });
});
