import { describe, expect, it } from 'vitest';
import { type BroadcastCounts, allowedMoves, approvedChoices, isLive, fieldErrors, fillTemplate, funnel, isoToWatInput, progress, skipReasonLabel, watInputToIso, watTime } from './broadcasts';
import { ApiError } from './http';

const counts = (over: Partial<BroadcastCounts> = {}): BroadcastCounts => ({
  total: 0, byStatus: {}, sent: 0, delivered: 0, read: 0, replied: 0, ordered: 0, revenueKobo: 0, skippedByReason: {}, ...over,
});

describe('WAT scheduling', () => {
  it('reads a datetime-local value as West Africa Time (UTC+1), whatever the browser zone', () => {
    expect(watInputToIso('2026-12-08T09:30')).toBe('2026-12-08T08:30:00.000Z');
    expect(watInputToIso('2026-12-08T00:15')).toBe('2026-12-07T23:15:00.000Z');
    expect(watInputToIso('2027-01-01T00:00')).toBe('2026-12-31T23:00:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(watInputToIso('')).toBeNull();
    expect(watInputToIso('2026-02-30T10:00')).toBeNull();
    expect(watInputToIso('2026-12-08 09:30')).toBeNull();
    expect(watInputToIso('2026-12-08T24:00')).toBeNull();
  });

  it('turns an instant back into the WAT input value and words', () => {
    expect(isoToWatInput('2026-12-07T23:15:00Z')).toBe('2026-12-08T00:15');
    expect(isoToWatInput(watInputToIso('2026-06-30T21:05')!)).toBe('2026-06-30T21:05');
    expect(watTime('2026-11-24T07:00:00Z')).toBe('24 Nov 2026, 08:00 WAT');
    expect(watTime('2026-11-24T08:00:00+01:00')).toBe('24 Nov 2026, 08:00 WAT');
    expect(watTime(null)).toBe('');
  });
});

describe('funnel', () => {
  it('gives each step as a share of those sent', () => {
    const steps = funnel(counts({ sent: 8, delivered: 6, read: 3, replied: 1, ordered: 1 }));
    expect(steps.map((s) => [s.key, s.count, s.percent])).toEqual([
      ['sent', 8, 100], ['delivered', 6, 75], ['read', 3, 37.5], ['replied', 1, 12.5], ['ordered', 1, 12.5],
    ]);
  });

  it('is all zero before anything is sent', () => {
    expect(funnel(counts()).every((s) => s.percent === 0)).toBe(true);
  });
});

describe('progress', () => {
  it('counts everyone no longer waiting as done', () => {
    expect(progress(counts({ total: 4, byStatus: { pending: 1, queued: 2, skipped: 1 } }))).toEqual({ done: 3, total: 4, percent: 75 });
    expect(progress(counts())).toEqual({ done: 0, total: 0, percent: 0 });
  });
});

describe('allowedMoves', () => {
  it('mirrors the states the server allows each move from', () => {
    expect(allowedMoves('sending')).toEqual({ pause: true, resume: false, cancel: true, retryFailed: false });
    expect(allowedMoves('paused')).toMatchObject({ pause: false, resume: true, cancel: true });
    expect(allowedMoves('completed')).toEqual({ pause: false, resume: false, cancel: false, retryFailed: false });
    expect(allowedMoves('completed', counts({ byStatus: { limited: 1 } })).retryFailed).toBe(true);
    expect(allowedMoves('cancelled', counts({ byStatus: { failed: 3 } })).retryFailed).toBe(false);
  });
});

describe('isLive', () => {
  it('keeps looking while scheduled or sending, and while queued messages are still on their way', () => {
    expect(isLive('scheduled')).toBe(true);
    expect(isLive('sending', counts())).toBe(true);
    expect(isLive('completed', counts({ byStatus: { queued: 1, sent: 3 } }))).toBe(true);
    expect(isLive('completed', counts({ byStatus: { sent: 4 } }))).toBe(false);
    expect(isLive('draft')).toBe(false);
  });
});

describe('fillTemplate', () => {
  it('fills the numbered parameters, with {name} as the first name', () => {
    expect(fillTemplate('Hello {{1}}, jollof is {{2}} off!', ['{name}', '10%'])).toBe('Hello Ada, jollof is 10% off!');
    expect(fillTemplate('Hello {{1}} and {{2}}', ['Dear {name}'], 'Bala')).toBe('Hello Dear Bala and {{2}}');
  });
});

describe('labels and errors', () => {
  it('says skip reasons in words', () => {
    expect(skipReasonLabel('no_consent')).toBe('Never agreed to marketing messages');
    expect(skipReasonLabel('Something the server wrote')).toBe('Something the server wrote');
  });

  it('groups a validation problem by field', () => {
    const error = new ApiError(400, { status: 400, title: 'x', detail: '', errors: { TemplateName: ['Choose a WhatsApp template.'], at: ['in the past'] } } as never, 'POST failed');
    expect(fieldErrors(error)).toEqual({ templateName: ['Choose a WhatsApp template.'], at: ['in the past'] });
    expect(fieldErrors(new ApiError(409, { status: 409, title: 'A sending broadcast cannot resume', detail: '' }, 'x'))).toEqual({ '': ['A sending broadcast cannot resume'] });
  });
});

describe('approvedChoices', () => {
  const t = (name: string, language: string, status: string, parameterCount = 1) =>
    ({ id: `${name}-${language}`, name, language, category: 'MARKETING', status, body: 'Hi {{1}}', parameterCount, updatedAt: 0 });

  it('offers a template once, with only the languages Meta approved', () => {
    const choices = approvedChoices([t('offer', 'en', 'APPROVED'), t('offer', 'ha', 'APPROVED'), t('offer', 'yo', 'REJECTED'), t('menu', 'en', 'PAUSED'), t('a_note', 'en', 'APPROVED', 0)]);
    expect(choices.map((c) => [c.name, c.variants.map((v) => v.language), c.parameterCount])).toEqual([['a_note', ['en'], 0], ['offer', ['en', 'ha'], 1]]);
  });
});
