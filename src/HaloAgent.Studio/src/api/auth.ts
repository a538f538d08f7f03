import { ApiError, http } from './http';

export interface CurrentUser {
  email: string;
  name: string;
  role: string;
  businessId: string;
  businessName: string;
}

/**
 * `user`: signed in; `expired`: was signed in, but the server now answers 401 (the session ended): the page stays as
 * it is, with its unsaved work, under a sign-in dialog; `anonymous`: never signed in, show the login page;
 * `disabled`: the server has no auth endpoints (404).
 */
export type AuthState =
  | { kind: 'loading' }
  | { kind: 'user'; user: CurrentUser }
  | { kind: 'expired'; user: CurrentUser }
  | { kind: 'anonymous' }
  | { kind: 'disabled' };

/** What a 401 from any API call means in each state: a signed-in user's session has expired; nobody else changes. */
export function afterUnauthorized(state: AuthState): AuthState {
  switch (state.kind) {
    case 'user':
    case 'expired':
      return { kind: 'expired', user: state.user };
    case 'disabled':
      return state;
    default:
      return { kind: 'anonymous' };
  }
}

/**
 * Calls refused with 401 because the session expired wait here until the user signs in again in the dialog; then
 * each is sent once more, so the action that met the expiry is done instead of failing with a raw 401.
 */
export class SignInAgain {
  private waiting: { promise: Promise<boolean>; resolve: (signedIn: boolean) => void } | null = null;

  wait(): Promise<boolean> {
    if (!this.waiting) {
      let resolve: (signedIn: boolean) => void = () => {};
      const promise = new Promise<boolean>((r) => { resolve = r; });
      this.waiting = { promise, resolve };
    }
    return this.waiting.promise;
  }

  settle(signedIn: boolean) {
    this.waiting?.resolve(signedIn);
    this.waiting = null;
  }
}

/** Whether a 401 from this path may wait for signing in again: not the sign-in endpoints themselves. */
export function waitsForSignIn(path: string): boolean {
  return !path.startsWith('/api/auth/');
}

/** The user of a state that shows the app (signed in, or signed in until the session expired). */
export function shownUser(state: AuthState): CurrentUser | null {
  return state.kind === 'user' || state.kind === 'expired' ? state.user : null;
}

export async function loadAuth(): Promise<AuthState> {
  try {
    return { kind: 'user', user: await http.get<CurrentUser>('/api/auth/me') };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { kind: 'anonymous' };
    if (error instanceof ApiError && error.status === 404) return { kind: 'disabled' };
    throw error;
  }
}

export const authApi = {
  login: (email: string, password: string) => http.post<CurrentUser>('/api/auth/login', { email, password }),
  logout: () => http.post<void>('/api/auth/logout'),
};
