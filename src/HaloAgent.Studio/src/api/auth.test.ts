import { describe, expect, it } from 'vitest';
import { type AuthState, type CurrentUser, afterUnauthorized, shownUser, SignInAgain, waitsForSignIn } from './auth';

const ada: CurrentUser = { email: 'ada@example.ng', name: 'Ada', role: 'owner', businessId: 'b1', businessName: 'Mama Put' };

describe('afterUnauthorized', () => {
  it('turns a signed-in user into an expired session that keeps who they were', () => {
    expect(afterUnauthorized({ kind: 'user', user: ada })).toEqual({ kind: 'expired', user: ada });
    expect(afterUnauthorized({ kind: 'expired', user: ada })).toEqual({ kind: 'expired', user: ada });
  });

  it('sends anyone who was never signed in to the login page, and leaves a server without auth alone', () => {
    expect(afterUnauthorized({ kind: 'loading' })).toEqual({ kind: 'anonymous' });
    expect(afterUnauthorized({ kind: 'anonymous' })).toEqual({ kind: 'anonymous' });
    const disabled: AuthState = { kind: 'disabled' };
    expect(afterUnauthorized(disabled)).toBe(disabled);
  });

  it('keeps showing the app, with its user, while the session is expired', () => {
    expect(shownUser({ kind: 'expired', user: ada })).toBe(ada);
    expect(shownUser({ kind: 'user', user: ada })).toBe(ada);
    expect(shownUser({ kind: 'anonymous' })).toBeNull();
  });
});

describe('SignInAgain', () => {
  it('holds every refused call until the user signs in, then lets them all through once; a later expiry waits anew', async () => {
    const gate = new SignInAgain();
    const first = gate.wait();
    const second = gate.wait();
    expect(second).toBe(first);
    gate.settle(true);
    expect(await Promise.all([first, second])).toEqual([true, true]);
    const later = gate.wait();
    expect(later).not.toBe(first);
    gate.settle(false);
    expect(await later).toBe(false);
  });

  it('never holds the sign-in endpoints themselves (signing out answers 401 on /api/auth/me)', () => {
    expect(waitsForSignIn('/api/auth/me')).toBe(false);
    expect(waitsForSignIn('/api/auth/login')).toBe(false);
    expect(waitsForSignIn('/api/orders/1/status')).toBe(true);
  });
});
