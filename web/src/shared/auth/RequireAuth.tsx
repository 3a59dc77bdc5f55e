import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading';
import type { SessionEnd } from './session';
import { useAuth } from './useAuth';

/** What the login page gets in the location state from a redirect. */
export interface LoginRedirectState {
  /** Why the session this page had ended, if it did. */
  ended?: SessionEnd | null;
}

/** The login page's address that brings the visitor back to `location` afterwards. */
export function loginPathFor(location: { pathname: string; search?: string; hash?: string }): string {
  const back = location.pathname + (location.search ?? '') + (location.hash ?? '');
  return `/login?next=${encodeURIComponent(back)}`;
}

/** Where a private page sends a visitor without a session, by how the session ended. */
export function redirectFor(ended: SessionEnd | null, location: { pathname: string; search?: string; hash?: string }): string {
  switch (ended) {
    case 'logout':
      return '/'; // the user ended it here: nothing to come back to
    case 'deleted':
      return '/login'; // the login page says the account is gone
    default:
      return loginPathFor(location); // never logged in, or the session expired: log in and come back
  }
}

/**
 * Wraps a private page: shows a loading state until the start-up session restore has finished, then either
 * the page (logged in) or a redirect (see redirectFor). This is the one place that navigates when a session
 * ends, so pages that end it (logout, account deletion) do not navigate themselves.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, ended } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <PageLoading />;
  if (status === 'anonymous') {
    const state: LoginRedirectState = { ended };
    return <Navigate to={redirectFor(ended, location)} replace state={state} />;
  }
  return <>{children}</>;
}
