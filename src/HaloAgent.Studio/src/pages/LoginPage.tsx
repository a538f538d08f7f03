import { SignInForm } from '../components/SignInForm';

export function LoginPage({ onLoggedIn }: { onLoggedIn: () => void }) {
  return (
    <div className="login">
      <SignInForm heading={<><h1>HaloAgent</h1><p className="hint">Sign in to your business.</p></>} onSignedIn={onLoggedIn} />
    </div>
  );
}
