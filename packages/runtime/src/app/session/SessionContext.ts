import { createContext, useContext } from 'react';
import type { SessionUser } from '../api/types.js';

export interface Session {
  user: SessionUser;
  signOut: () => Promise<void>;
  /** The server said the session ended (401): show the sign-in page, keeping unsaved answers on the device. */
  expired: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside a signed-in page');
  return session;
}

/** Roles that review records others started (return with comments, approve, sign off). */
export function isReviewer(role: SessionUser['role']): boolean {
  return role === 'manager' || role === 'safeguarding-lead';
}
