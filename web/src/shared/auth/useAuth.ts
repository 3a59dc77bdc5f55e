import { useSyncExternalStore } from 'react';
import type { User } from '../api/types';
import { session } from './instance';
import type { AuthStatus, SessionEnd } from './session';

export interface AuthValue {
  status: AuthStatus;
  user: User | null;
  /** Why the last session ended in this page (see SessionEnd), null otherwise. */
  ended: SessionEnd | null;
  /** Resolves once the start-up session restore (refresh) has finished. */
  ready: Promise<User | null>;
  login: (username: string, password: string) => Promise<User>;
  /** Never rejects: the session is dropped locally either way. */
  logout: () => Promise<void>;
}

const login = (username: string, password: string) => session.login(username, password);
const logout = () => session.logout().catch(() => undefined);

/** The session, re-rendering on every change (login, refresh, profile update, logout, expiry). */
export function useAuth(): AuthValue {
  const s = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
  return { status: s.status, user: s.user, ended: s.ended, ready: session.restore(), login, logout };
}
