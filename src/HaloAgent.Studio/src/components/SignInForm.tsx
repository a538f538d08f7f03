import { type FormEvent, type ReactNode, useState } from 'react';
import { type CurrentUser, authApi } from '../api/auth';
import { ApiError, errorMessage } from '../api/http';

/** E-mail and password, with the server's answer: "wrong e-mail or password" (401/400) or what else went wrong. */
export function SignInForm({ initialEmail = '', heading, submitLabel = 'Sign in', onSignedIn }: {
  initialEmail?: string;
  heading: ReactNode;
  submitLabel?: string;
  onSignedIn: (user: CurrentUser) => void;
}) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await authApi.login(email, password));
    } catch (err) {
      setError(err instanceof ApiError && (err.status === 401 || err.status === 400) ? 'Wrong email or password.' : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="card sign-in">
      {heading}
      <label>Email<input type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required /></label>
      <label>Password<input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></label>
      {error && <div className="banner error">{error}</div>}
      <button type="submit" className="primary" disabled={busy}>{busy ? 'Signing in…' : submitLabel}</button>
    </form>
  );
}
