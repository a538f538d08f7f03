import { describe, expect, it } from 'vitest';
import { type AuthState, type CurrentUser, afterUnauthorized, shownUser } from './auth';

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
