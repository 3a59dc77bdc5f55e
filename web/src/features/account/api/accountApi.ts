// The account endpoints (sign-up, verification, recovery, my page). Login, refresh and logout belong to
// the session (src/shared/auth).
import type { Transport } from '../../../shared/api/transport';
import type {
  AvailabilityField,
  AvailabilityResponse,
  Empty,
  SignupRequest,
  SignupResponse,
  TokenResponse,
  User,
  UserEnvelope,
} from '../../../shared/api/types';
import type { SessionStore } from '../../../shared/auth/session';

export function createAccountApi(http: Transport, session: SessionStore) {
  return {
    signup: (body: SignupRequest) => http.request<SignupResponse>('/auth/signup', { method: 'POST', body }),

    verifyEmail: (email: string, code: string) =>
      http.request<UserEnvelope>('/auth/verify-email', { method: 'POST', body: { email, code } }),

    resendVerification: (email: string) =>
      http.request<Empty>('/auth/verify-email/resend', { method: 'POST', body: { email } }),

    availability: (field: AvailabilityField, value: string, signal?: AbortSignal) =>
      http.request<AvailabilityResponse>('/auth/availability', { query: { field, value }, signal }),

    findUsername: (email: string) => http.request<Empty>('/auth/find-username', { method: 'POST', body: { email } }),

    requestPasswordReset: (email: string) =>
      http.request<Empty>('/auth/password-reset', { method: 'POST', body: { email } }),

    confirmPasswordReset: (token: string, new_password: string) =>
      http.request<void>('/auth/password-reset/confirm', { method: 'POST', body: { token, new_password } }),

    async me(signal?: AbortSignal): Promise<User> {
      const u = await http.request<User>('/me', { auth: true, signal });
      session.setUser(u);
      return u;
    },

    async updateNickname(nickname: string): Promise<User> {
      const u = await http.request<User>('/me', { method: 'PATCH', body: { nickname }, auth: true });
      session.setUser(u);
      return u;
    },

    /** Ends every session, this one's refresh family included, and carries on with the new session returned. */
    async changePassword(current_password: string, new_password: string): Promise<TokenResponse> {
      const t = await http.request<TokenResponse>('/me/password', {
        method: 'POST',
        body: { current_password, new_password, session: 'cookie' },
        auth: true,
      });
      return http.adopt(t);
    },

    async deleteAccount(password: string): Promise<void> {
      await http.request<void>('/me', { method: 'DELETE', body: { password }, auth: true });
      session.end('deleted');
    },
  };
}

export type AccountApi = ReturnType<typeof createAccountApi>;
