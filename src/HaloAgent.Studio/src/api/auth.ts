import { ApiError, http } from './http';

export interface CurrentUser {
  email: string;
  name: string;
  role: string;
  businessId: string;
  businessName: string;
}

/** `user`: signed in; `anonymous`: 401, show the login page; `disabled`: the server has no auth endpoints (404). */
export type AuthState =
  | { kind: 'loading' }
  | { kind: 'user'; user: CurrentUser }
  | { kind: 'anonymous' }
  | { kind: 'disabled' };

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
