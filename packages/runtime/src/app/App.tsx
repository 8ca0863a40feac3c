import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from './api/ApiError.js';
import { api } from './api/client.js';
import type { SessionUser } from './api/types.js';
import { clearAllLocalCopies } from './autosave/localCopy.js';
import { Layout } from './layout/Layout.js';
import { PageHeading } from './layout/PageHeading.js';
import { PageProblemBoundary } from './layout/PageProblemBoundary.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { navigate, usePathname } from './router/navigation.js';
import { matchRoute, paths } from './router/routes.js';
import { type Session, SessionContext } from './session/SessionContext.js';

// The form renderer (rjsf, the engine) is most of the code: sign-in and home load without it. Each page is a chunk.
const FillRecordPage = lazy(() =>
  import('./pages/FillRecordPage.js').then((m) => ({ default: m.FillRecordPage })),
);
// Sign-in and home are route chunks too, so that filling a record (the page staff spend their time on, often on a
// phone) does not download them.
const HomePage = lazy(() => import('./pages/HomePage.js').then((m) => ({ default: m.HomePage })));
const LoginPage = lazy(() => import('./pages/LoginPage.js').then((m) => ({ default: m.LoginPage })));
const RecordPage = lazy(() => import('./pages/RecordPage.js').then((m) => ({ default: m.RecordPage })));

type SessionState = { kind: 'checking' } | { kind: 'signed-out' } | { kind: 'signed-in'; user: SessionUser };

export function App() {
  const [state, setState] = useState<SessionState>({ kind: 'checking' });
  const [startupProblem, setStartupProblem] = useState<string | null>(null);
  const pathname = usePathname();
  const route = matchRoute(pathname);

  useEffect(() => {
    api.getSession().then(
      ({ user }) => setState({ kind: 'signed-in', user }),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) setState({ kind: 'signed-out' });
        else setStartupProblem(error instanceof Error ? error.message : String(error));
      },
    );
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // Signing out on this device still clears it, even if the server could not be told.
    }
    // A shared computer must not keep anyone's answers once they sign out.
    clearAllLocalCopies(window.localStorage);
    setState({ kind: 'signed-out' });
    navigate(paths.login(), { replace: true });
  }, []);

  const session = useMemo<Session | null>(
    () =>
      state.kind === 'signed-in'
        ? { user: state.user, signOut, expired: () => setState({ kind: 'signed-out' }) }
        : null,
    [state, signOut],
  );

  const signedIn = session !== null;
  useEffect(() => {
    // Already signed in: the sign-in address shows the home page, at its own address.
    if (signedIn && route.name === 'login') navigate(paths.home(), { replace: true });
  }, [signedIn, route.name]);

  let page: React.ReactNode;
  if (startupProblem) {
    page = (
      <>
        <PageHeading>Formwork cannot start just now</PageHeading>
        <p className="fwa-body">{startupProblem}</p>
        <p className="fwa-body">Any answers you typed earlier are still kept on this device.</p>
        <button type="button" className="fwa-button" onClick={() => window.location.reload()}>
          Try again
        </button>
      </>
    );
  } else if (state.kind === 'checking') {
    page = <p className="fwa-body">Loading…</p>;
  } else if (!session) {
    page = (
      <LoginPage
        onSignedIn={(user) => {
          setState({ kind: 'signed-in', user });
          // Back to the page that was asked for, or home.
          if (route.name === 'login') navigate(paths.home(), { replace: true });
        }}
      />
    );
  } else {
    switch (route.name) {
      case 'home':
        page = <HomePage />;
        break;
      case 'login':
        page = <HomePage />;
        break;
      case 'fill':
        page = <FillRecordPage key={route.recordId} recordId={route.recordId} />;
        break;
      case 'record':
        page = <RecordPage key={route.recordId} recordId={route.recordId} />;
        break;
      default:
        page = <NotFoundPage />;
    }
  }

  return (
    <SessionContext.Provider value={session}>
      <Layout session={session}>
        {/* A route chunk that cannot be downloaded is a plain message, not a blank screen. */}
        <PageProblemBoundary key={pathname}>
          <Suspense fallback={<p className="fwa-body">Loading…</p>}>
            <div>{page}</div>
          </Suspense>
        </PageProblemBoundary>
      </Layout>
    </SessionContext.Provider>
  );
}
