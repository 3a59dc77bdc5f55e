import { useSyncExternalStore } from 'react';
import { transport } from '../api/instance';
import type { User } from '../api/types';
import { SessionStore, type AuthStatus, type SessionEnd } from './session';

export { SessionStore } from './session';
export type { AuthStatus, SessionEnd, SessionState } from './session';
export { safeNext } from './next';

/** The app-wide session, fed by the app-wide transport. */
export const session = new SessionStore(transport);

export interface AuthValue {
  status: AuthStatus;
  user: User | null;
  ended: SessionEnd | null;
  /** Resolves once the start-up session restore (refresh) has finished. */
  ready: Promise<User | null>;
  login: (username: string, password: string) => Promise<User>;
  /** Never rejects: the session is dropped locally either way. */
  logout: () => Promise<void>;
}

const login = (username: string, password: string) => session.login(username, password);
const logout = () => session.logout().catch(() => undefined);

export function useAuth(): AuthValue {
  const s = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
  return { status: s.status, user: s.user, ended: s.ended, ready: session.restore(), login, logout };
}
