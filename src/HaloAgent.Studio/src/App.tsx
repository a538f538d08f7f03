import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { type AuthState, type CurrentUser, afterUnauthorized, authApi, loadAuth, shownUser, SignInAgain, waitsForSignIn } from './api/auth';
import { errorMessage, http } from './api/http';
import { preloadable } from './components/lazy';
import { ErrorBox, Spinner } from './components/util';
import { ThemeSwitch } from './components/ThemeSwitch';
import { CatalogPage } from './dashboard/catalog/CatalogPage';
import { ContactsPage } from './dashboard/ContactsPage';
import { HandoverAlertsProvider, useFreshHandovers } from './dashboard/inbox/HandoverAlerts';
import { SegmentEditorPage, SegmentsPage } from './dashboard/SegmentsPage';
import { BroadcastsPage } from './dashboard/BroadcastsPage';
import { BroadcastComposePage } from './dashboard/broadcasts/BroadcastComposePage';
import { BroadcastDetailPage } from './dashboard/broadcasts/BroadcastDetailPage';
import { ExperimentsPage } from './dashboard/ExperimentsPage';
import { ExperimentDetailPage } from './dashboard/experiments/ExperimentDetailPage';
import { TemplatesPage } from './dashboard/TemplatesPage';
import { IntegrationsPage } from './dashboard/IntegrationsPage';
import { ContactPage } from './dashboard/contacts/ContactPage';
import { InboxPage } from './dashboard/InboxPage';
import { OrdersPage } from './dashboard/OrdersPage';
import { TodayPage } from './dashboard/TodayPage';
import { PaymentsPage } from './dashboard/PaymentsPage';
import { AccountPage, ActivityLogPage, TeamPage } from './dashboard/admin';
import { SettingsPage } from './dashboard/settings/SettingsPage';
import { accountApi } from './api/account';
import { FlowListPage } from './pages/FlowListPage';
import { InstancesPage } from './pages/InstancesPage';
import { LoginPage } from './pages/LoginPage';
import { SessionExpiredDialog } from './pages/SessionExpiredDialog';
import { canHandleChats, canManageFlows, isOwner, UserContext } from './api/permissions';
import { Link, matchPath, navigate, useLocation } from './router';

// The canvas pages (React Flow, dagre, the designer's panels) are separate chunks: the dashboard and the lists do not
// load them. A canvas page's chunk is fetched as soon as the app starts on its address (in parallel with signing in),
// and in the background once any Studio page is showing.
const DesignerPage = preloadable(() => import('./designer/DesignerPage').then((m) => m.DesignerPage));
const PerfPage = preloadable(() => import('./dev/PerfPage').then((m) => m.PerfPage));
const InstanceDetailPage = preloadable(() => import('./pages/InstanceDetailPage').then((m) => m.InstanceDetailPage));

function chunkFor(path: string): (() => Promise<unknown>) | null {
  if (matchPath('/studio/flows/:id', path)) return DesignerPage.preload;
  if (matchPath('/studio/dev/perf', path)) return PerfPage.preload;
  if (matchPath('/studio/instances/:id', path)) return InstanceDetailPage.preload;
  return null;
}

if (typeof window !== 'undefined') void chunkFor(window.location.pathname)?.().catch(() => {});

/** `menu` pages (the shop's settings, rarely visited) sit in the account menu: on a phone the bar stays short. */
type NavItem = { to: string; label: string; section: 'dashboard' | 'studio'; ownerOnly?: boolean; marketing?: boolean; menu?: boolean };
const NAV: NavItem[] = [
  { to: '/', label: 'Today', section: 'dashboard' },
  { to: '/orders', label: 'Orders', section: 'dashboard' },
  { to: '/payments', label: 'Payments', section: 'dashboard' },
  { to: '/inbox', label: 'Inbox', section: 'dashboard' },
  { to: '/contacts', label: 'Contacts', section: 'dashboard' },
  { to: '/catalog', label: 'Catalog', section: 'dashboard' },
  { to: '/segments', label: 'Segments', section: 'dashboard', marketing: true },
  { to: '/templates', label: 'Templates', section: 'dashboard', marketing: true },
  { to: '/broadcasts', label: 'Broadcasts', section: 'dashboard', marketing: true },
  { to: '/experiments', label: 'Experiments', section: 'dashboard', marketing: true },
  { to: '/settings', label: 'Shop settings', section: 'dashboard', ownerOnly: true, menu: true },
  { to: '/team', label: 'Team', section: 'dashboard', ownerOnly: true, menu: true },
  { to: '/activity', label: 'Activity log', section: 'dashboard', ownerOnly: true, menu: true },
  { to: '/integrations', label: 'Integrations', section: 'dashboard', ownerOnly: true, menu: true },
  { to: '/studio', label: 'Flows', section: 'studio' },
  { to: '/studio/instances', label: 'Instances', section: 'studio' },
];

/** The pages this person may open (before auth is known, all of them: the server refuses what is not theirs). */
const mayOpen = (n: NavItem, user: CurrentUser | null) =>
  (!n.ownerOnly || !user || isOwner(user.role)) && (!n.marketing || !user || canManageFlows(user.role));

function route(path: string, onSignedOut: () => void): { element: React.ReactNode; fullScreen?: boolean } {
  let m: Record<string, string> | null;
  if ((m = matchPath('/studio/flows/:id', path))) return { element: <DesignerPage key={m.id} flowId={m.id} />, fullScreen: true };
  if ((m = matchPath('/studio/instances/:id', path))) return { element: <InstanceDetailPage key={m.id} instanceId={m.id} /> };
  if (matchPath('/studio/instances', path)) return { element: <InstancesPage /> };
  if (matchPath('/studio/dev/perf', path)) return { element: <PerfPage />, fullScreen: true };
  if (matchPath('/studio', path)) return { element: <FlowListPage /> };
  if (matchPath('/orders', path)) return { element: <OrdersPage /> };
  if (matchPath('/payments', path)) return { element: <PaymentsPage /> };
  if (matchPath('/inbox', path)) return { element: <InboxPage /> };
  if ((m = matchPath('/contacts/:id', path))) return { element: <ContactPage key={m.id} contactId={m.id} /> };
  if (matchPath('/contacts', path)) return { element: <ContactsPage /> };
  if (matchPath('/catalog', path)) return { element: <CatalogPage /> };
  if (matchPath('/segments/new', path)) return { element: <SegmentEditorPage key="new" /> };
  if ((m = matchPath('/segments/:id', path))) return { element: <SegmentEditorPage key={m.id} segmentId={m.id} /> };
  if (matchPath('/segments', path)) return { element: <SegmentsPage /> };
  if (matchPath('/templates', path)) return { element: <TemplatesPage /> };
  if (matchPath('/broadcasts/new', path)) return { element: <BroadcastComposePage key="new" /> };
  if ((m = matchPath('/broadcasts/:id/edit', path))) return { element: <BroadcastComposePage key={`edit-${m.id}`} broadcastId={m.id} /> };
  if ((m = matchPath('/broadcasts/:id', path))) return { element: <BroadcastDetailPage key={m.id} broadcastId={m.id} /> };
  if (matchPath('/broadcasts', path)) return { element: <BroadcastsPage /> };
  if ((m = matchPath('/experiments/:id', path))) return { element: <ExperimentDetailPage key={m.id} experimentId={m.id} /> };
  if (matchPath('/experiments', path)) return { element: <ExperimentsPage /> };
  if (matchPath('/settings', path)) return { element: <SettingsPage /> };
  if (matchPath('/team', path)) return { element: <TeamPage /> };
  if (matchPath('/activity', path)) return { element: <ActivityLogPage /> };
  if (matchPath('/integrations', path)) return { element: <IntegrationsPage /> };
  if (matchPath('/account', path)) return { element: <AccountPage onSignedOut={onSignedOut} /> };
  if (path === '/' || path === '') return { element: <TodayPage /> };
  return { element: <div className="page"><h1>Not found</h1><p>No page at <code>{path}</code>. <Link to="/">Go to the dashboard</Link>.</p></div> };
}

export function App() {
  const { path, search } = useLocation();
  const [auth, setAuth] = useState<AuthState>({ kind: 'loading' });
  const [authError, setAuthError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    setAuthError(null);
    loadAuth().then(setAuth, (e) => setAuthError(errorMessage(e)));
  }, []);
  const authNow = useRef(auth);
  const signInAgain = useRef(new SignInAgain());
  useEffect(() => {
    authNow.current = auth;
  }, [auth]);
  useEffect(() => {
    refresh();
    http.onUnauthorized = (refusedPath) => {
      const next = afterUnauthorized(authNow.current);
      authNow.current = next;
      setAuth(next);
      return next.kind === 'expired' && waitsForSignIn(refusedPath) ? signInAgain.current.wait() : undefined;
    };
  }, [refresh]);

  const inStudio = path.startsWith('/studio');
  useEffect(() => {
    if (!inStudio) return;
    const preload = () => {
      void DesignerPage.preload().catch(() => {});
      void InstanceDetailPage.preload().catch(() => {});
    };
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(preload, { timeout: 3000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(preload, 1000);
    return () => clearTimeout(timer);
  }, [inStudio]);

  useEffect(() => {
    if (auth.kind === 'anonymous' && path !== '/login') navigate(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`, { replace: true, force: true });
    if (auth.kind !== 'anonymous' && auth.kind !== 'loading' && path === '/login') navigate(new URLSearchParams(window.location.search).get('next') || '/', { replace: true, force: true });
  }, [auth, path]);

  if (authError) return <div className="page"><ErrorBox message={`Cannot reach the server: ${authError}`} onRetry={refresh} /></div>;
  if (auth.kind === 'loading') return <Spinner />;
  if (auth.kind === 'anonymous' || path === '/login') return <LoginPage onLoggedIn={refresh} />;

  const current = route(path, refresh);
  const user = shownUser(auth);
  const section = path.startsWith('/studio') ? 'studio' : 'dashboard';
  return (
    <HandoverAlertsProvider openContactId={path === '/inbox' ? search.get('contact') : null} enabled={!user || canHandleChats(user.role)}>
    <div className={`app ${current.fullScreen ? 'full' : ''}`}>
      <header className="topbar">
        <Link to="/" className="brand">HaloAgent</Link>
        <nav>
          <Link to="/" className={section === 'dashboard' ? 'active' : ''}>Dashboard</Link>
          <Link to="/studio" className={section === 'studio' ? 'active' : ''}>Studio</Link>
        </nav>
        <span className="spacer" />
        {user ? (
          <span className="user">
            {/* Keyed on the path: a menu left open closes when the page changes. */}
            <details className="account-menu" key={path}>
              <summary aria-label="Account menu">{user.name} · {user.businessName}</summary>
              <div className="menu" role="menu" onClick={(e) => { (e.currentTarget.parentElement as HTMLDetailsElement).open = false; }}>
                {NAV.filter((n) => n.menu && mayOpen(n, user)).map((n) => <Link key={n.to} to={n.to} role="menuitem">{n.label}</Link>)}
                <Link to="/account" role="menuitem">Your account</Link>
                <button type="button" role="menuitem" className="link" onClick={() => authApi.logout().finally(refresh)}>Sign out</button>
                <button type="button" role="menuitem" className="link danger" onClick={() => accountApi.logoutEverywhere().finally(refresh)}>Sign out everywhere</button>
                <ThemeSwitch />
              </div>
            </details>
          </span>
        ) : (
          <span className="hint" title="GET /api/auth/me answered 404">auth not enabled</span>
        )}
      </header>
      {!current.fullScreen && <SubNav path={path} section={section} user={user} />}
      <main className={current.fullScreen ? 'main full' : 'main'}><UserContext.Provider value={user}><Suspense fallback={<Spinner />}>{current.element}</Suspense></UserContext.Provider></main>
      {auth.kind === 'expired' && <SessionExpiredDialog user={auth.user} onSignedIn={(next) => { setAuth({ kind: 'user', user: next }); signInAgain.current.settle(true); }} />}
    </div>
    </HandoverAlertsProvider>
  );
}

/** The section's pages; the Inbox link counts new hand-overs wherever the person is. */
function SubNav({ path, section, user }: { path: string; section: 'dashboard' | 'studio'; user: CurrentUser | null }) {
  const fresh = useFreshHandovers();
  return (
    <nav className="subnav">
      {NAV.filter((n) => n.section === section && !n.menu && mayOpen(n, user)).map((n) => (
        <Link key={n.to} to={n.to} className={path === n.to || (n.to !== '/' && n.to !== '/studio' && path.startsWith(n.to)) ? 'active' : ''}>
          {n.label}
          {n.to === '/inbox' && fresh > 0 && <span className="nav-count" data-testid="inbox-count" aria-label={`${fresh} new hand-over${fresh === 1 ? '' : 's'}`}>{fresh}</span>}
        </Link>
      ))}
    </nav>
  );
}
