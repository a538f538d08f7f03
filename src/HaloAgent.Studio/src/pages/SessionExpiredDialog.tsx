import type { CurrentUser } from '../api/auth';
import { SignInForm } from '../components/SignInForm';

/**
 * Shown over the page when the session ends while someone works (the server answered 401): the page stays mounted
 * underneath, so an unsaved flow, a half-typed reply or a filter is still there after signing in again. Signing in as
 * someone of another business reloads the page instead, since what it shows belongs to the first business.
 */
export function SessionExpiredDialog({ user, onSignedIn }: { user: CurrentUser; onSignedIn: (user: CurrentUser) => void }) {
  return (
    <div className="modal-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="session-expired-title" className="modal">
        <SignInForm
          initialEmail={user.email}
          submitLabel="Sign in and continue"
          heading={(
            <>
              <h2 id="session-expired-title">Your session has expired</h2>
              <p className="hint">Sign in again to continue. Nothing on this page is lost: your unsaved changes are still here.</p>
            </>
          )}
          onSignedIn={(next) => {
            if (next.businessId !== user.businessId) window.location.reload();
            else onSignedIn(next);
          }}
        />
      </div>
    </div>
  );
}
