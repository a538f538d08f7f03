import { describe, expect, it } from 'vitest';
import type { EventDefinition } from '../api/types';
import served from '../test/events.fixture.json';
import { suggestEvents } from './events';

// What GET /api/events/catalog serves (a server test keeps the fixture equal to it).
const catalog = served as EventDefinition[];

describe('event suggestions', () => {
  it('offers the events the product raises, with their descriptions, and none it does not raise', () => {
    const names = suggestEvents(catalog, [], '').map((s) => s.name);
    expect(names).toContain('payment.claimed');
    expect(names).toContain('cart.activity');
    expect(names).not.toContain('cart.abandoned');
    expect(names).not.toContain('payment.confirmed');
    expect(suggestEvents(catalog, [], '').every((s) => !!s.description)).toBe(true);
  });

  it('narrows to the names containing the text, those starting with it first', () => {
    const pay = suggestEvents(catalog, [], 'pay');
    expect(pay.map((s) => s.name)).toEqual(['payment.claimed']);
    expect(pay[0].description).toContain('says they paid');
    expect(suggestEvents(catalog, [], 'Created').map((s) => s.name)).toEqual(['contact.created', 'order.created']);
    expect(suggestEvents(catalog, ['reorder.nudge'], 'order').map((s) => s.name)).toEqual(['order.completed', 'order.created', 'reorder.nudge']);
  });

  it('keeps names the flow already uses, without a description, once', () => {
    const s = suggestEvents(catalog, ['perf.start', 'message.received'], 'perf');
    expect(s).toEqual([{ name: 'perf.start' }]);
    expect(suggestEvents(catalog, ['message.received'], 'message.received')).toHaveLength(1);
    expect(suggestEvents(catalog, ['pay'], 'pay').map((s) => s.name)).toEqual(['payment.claimed']);
  });
});
