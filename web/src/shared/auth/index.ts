export { session } from './instance';
export { SessionStore } from './session';
export type { AuthStatus, SessionEnd, SessionState } from './session';
export { useAuth, type AuthValue } from './useAuth';
export { RequireAuth, loginPathFor, redirectFor, type LoginRedirectState } from './RequireAuth';
export { safeNext } from './next';
