import type { ReactNode } from 'react';
import { Link } from '../router/Link.js';
import type { Session } from '../session/SessionContext.js';

export interface LayoutProps {
  session: Session | null;
  children: ReactNode;
}

const ROLE_NAMES: Record<string, string> = {
  staff: 'Staff',
  manager: 'Manager',
  'safeguarding-lead': 'Safeguarding lead',
  'quality-team': 'Quality team',
  'provider-admin': 'Provider admin',
  auditor: 'Auditor',
};

/** Skip link, header with who is signed in, one main region. */
export function Layout({ session, children }: LayoutProps) {
  return (
    <>
      <a className="fwa-skip-link" href="#main">
        Skip to main content
      </a>
      <header className="fwa-header">
        <div className="fwa-width fwa-header__inner">
          {session ? (
            <Link to="/" className="fwa-header__service">
              Formwork
            </Link>
          ) : (
            <span className="fwa-header__service">Formwork</span>
          )}
          {session ? (
            <nav className="fwa-header__account" aria-label="Your account">
              <span className="fwa-header__who">
                {session.user.name}
                <span className="fwa-header__role">
                  {' '}
                  · {ROLE_NAMES[session.user.role] ?? session.user.role}, {session.user.organisationName}
                </span>
              </span>
              <button type="button" className="fwa-header__signout" onClick={() => void session.signOut()}>
                Sign out
              </button>
            </nav>
          ) : null}
        </div>
      </header>
      <main id="main" className="fwa-width fwa-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
