import { describe, expect, it } from 'vitest';
import type { TestRunMessage } from '../api/testRuns';
import { canFastForward, chatBubbles, decorateEdges, describeRun, isLive, statusLabel } from './testRun';

const msg = (over: Partial<TestRunMessage>): TestRunMessage => ({
  id: 'm', direction: 'outbound', channel: 'webchat', at: '2026-11-22T10:05:00Z', type: 'text', text: '', choices: [], ...over,
});

describe('chatBubbles', () => {
  it('puts the customer and the bot on their sides and offers buttons only on the latest unanswered bot message', () => {
    const bubbles = chatBubbles([
      msg({ id: '1', direction: 'inbound', text: 'Hello' }),
      msg({ id: '2', text: 'Pickup or delivery?', type: 'interactive', choices: [{ id: 'pickup', title: 'Pickup' }, { id: 'delivery', title: 'Delivery' }] }),
    ]);
    expect(bubbles.map((b) => b.side)).toEqual(['customer', 'bot']);
    expect(bubbles[1].choices).toEqual({ kind: 'buttons', label: undefined, items: [{ id: 'pickup', title: 'Pickup' }, { id: 'delivery', title: 'Delivery' }] });
    expect(bubbles[1].answerable).toBe(true);
  });

  it('renders a list behind its button label and stops offering it once the customer answered', () => {
    const bubbles = chatBubbles([
      msg({ id: '1', text: 'Our menu', type: 'interactive', listButton: 'View menu', choices: [{ id: 'jollof', title: 'Jollof rice', description: '₦3,500' }] }),
      msg({ id: '2', direction: 'inbound', text: 'Jollof rice' }),
    ]);
    expect(bubbles[0].choices?.kind).toBe('list');
    expect(bubbles[0].choices?.label).toBe('View menu');
    expect(bubbles[0].answerable).toBe(false);
  });

  it('shows a typed message as pending until the server has stored it', () => {
    const stored = [msg({ id: '1', direction: 'inbound', text: 'Hi' })];
    expect(chatBubbles(stored, ['Hi', 'I want rice']).filter((b) => b.pending).map((b) => b.text)).toEqual(['I want rice']);
  });
});

describe('run state', () => {
  it('keeps polling while the run can change', () => {
    expect(isLive('Waiting')).toBe(true);
    expect(isLive('NotStarted')).toBe(true);
    expect(isLive('Completed')).toBe(false);
    expect(isLive('Ended')).toBe(false);
  });

  it('offers fast-forward only for a timer wait', () => {
    expect(canFastForward({ status: 'Waiting', timerDueAt: '2026-11-23T10:00:00Z' })).toBe(true);
    expect(canFastForward({ status: 'Waiting', timerDueAt: null })).toBe(false);
    expect(canFastForward({ status: 'Completed', timerDueAt: '2026-11-23T10:00:00Z' })).toBe(false);
  });

  it('says what the run waits for', () => {
    expect(describeRun({ status: 'Waiting', waitingFor: ['message.received'], timerDueAt: null, currentNodeId: 'ask' })).toBe('Waiting at ask for message.received.');
    expect(describeRun({ status: 'Faulted', waitingFor: [], currentNodeId: 'send', incident: 'boom' })).toContain('boom');
  });

  it('ends a hand-over as a hand-over, with its reason, not as finished', () => {
    const handOver = { nodeId: 'escalate', reason: 'The customer asked for a person.' };
    expect(describeRun({ status: 'HandedOver', waitingFor: [], handOver })).toBe('Handed over to a person: The customer asked for a person.');
    expect(describeRun({ status: 'HandedOver', waitingFor: [], handOver: { nodeId: 'x' } })).toBe('Handed over to a person.');
    expect(describeRun({ status: 'Ended', waitingFor: [], handOver })).toContain('Handed over to a person: The customer asked for a person.');
    expect(describeRun({ status: 'Waiting', waitingFor: ['escalation.resolved'], currentNodeId: 'wait', handOver })).toMatch(/^Handed over to a person: .* Waiting at wait/);
    expect(isLive('HandedOver')).toBe(false);
    expect(statusLabel('HandedOver')).toBe('Handed over');
  });
});

describe('decorateEdges', () => {
  it('marks taken edges and dims the rest without mutating the input', () => {
    const edges = [{ id: 'a' }, { id: 'b' }];
    const out = decorateEdges(edges, new Set(['a']));
    expect(out[0]).toMatchObject({ className: 'taken', animated: true });
    expect(out[1]).toMatchObject({ className: 'not-taken' });
    expect(edges[0]).toEqual({ id: 'a' });
    expect(decorateEdges(edges, null)).toBe(edges);
  });
});
