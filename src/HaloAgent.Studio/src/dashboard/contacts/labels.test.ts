import { describe, expect, it } from 'vitest';
import { channelName, consentLabel, languageName, statusLabel } from './labels';

describe('contact labels', () => {
  it('tells never asked from opted out', () => {
    expect(consentLabel('not_asked')).toBe('Not asked');
    expect(consentLabel('opted_out')).toBe('Opted out');
    expect(consentLabel('opted_in')).toBe('Opted in');
  });

  it('reads order statuses, languages and channels as the owner says them', () => {
    expect(statusLabel('PendingPayment')).toBe('Pending payment');
    expect(statusLabel('ReadyForPickup')).toBe('Ready for pickup');
    expect(statusLabel('Paid')).toBe('Paid');
    expect(languageName('yo')).toBe('Yorùbá');
    expect(languageName('xx')).toBe('xx');
    expect(channelName('webchat')).toBe('Web chat');
  });
});
