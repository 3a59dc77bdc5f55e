import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/instance';
import type { User } from '../shared/api/types';

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous';

interface AuthValue {
  status: AuthStatus;
  user: User | null;
  /** Resolves once the start-up session restore (refresh) has finished. */
  ready: Promise<User | null>;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
  setUser: (u: User | null) => void;
}

const AuthContext = createContext<AuthValue | null>(null);

// One restore attempt per page load. Kept outside React so that StrictMode's double
// effects (or the Kakao done page) never send two refresh calls with the same cookie.
let restore: Promise<User | null> | null = null;
function restoreSession(): Promise<User | null> {
  if (!restore) {
    restore = api.refresh().then(
      (t) => t.user,
      () => null,
    );
  }
  return restore;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUserState] = useState<User | null>(null);
  const [status, setStatus] = useState<AuthStatus>('loading');
  const ready = useMemo(() => restoreSession(), []);

  const setUser = useCallback((u: User | null) => {
    setUserState(u);
    setStatus(u ? 'authenticated' : 'anonymous');
  }, []);

  useEffect(() => {
    api.setSessionListener((u) => {
      // Session listener fires on login, refresh, profile updates and session loss.
      setUser(u);
    });
    let live = true;
    ready.then((u) => {
      if (live) setUser(api.authenticated ? u ?? null : null);
    });
    return () => {
      live = false;
    };
  }, [ready, setUser]);

  const login = useCallback(async (username: string, password: string) => {
    const t = await api.login(username, password);
    return t.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      /* the session is dropped locally either way */
    }
  }, []);

  const value = useMemo<AuthValue>(
    () => ({ status, user, ready, login, logout, setUser }),
    [status, user, ready, login, logout, setUser],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
