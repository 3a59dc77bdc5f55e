import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { errorText } from '../../../shared/api/errorText';
import { ApiError } from '../../../shared/api/problem';
import { safeNext, useAuth, type LoginRedirectState } from '../../../shared/auth';
import { Field } from '../../../shared/components/Field';
import { Notice } from '../../../shared/components/Notice';
import { useTitle } from '../../../shared/components/useTitle';
import { useAccountI18n } from '../i18n';

export const KAKAO_START = '/api/v1/auth/kakao/start?return_to=/me';

interface LoginState extends LoginRedirectState {
  /** Set by the page that sent the visitor here after finishing something. */
  notice?: 'verified' | 'alreadyVerified' | 'passwordReset';
  username?: string;
}

export function LoginPage() {
  const { t } = useAccountI18n();
  const { login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const state = (location.state ?? {}) as LoginState;
  useTitle(t.login.title);

  const [username, setUsername] = useState(state.username ?? '');
  const [password, setPassword] = useState('');
  const [usernameError, setUsernameError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [unverified, setUnverified] = useState(false);
  const loginMutation = useMutation({ mutationFn: (v: { username: string; password: string }) => login(v.username, v.password) });
  // Stays busy after success until the navigation is done.
  const busy = loginMutation.isPending || loginMutation.isSuccess;

  const kakaoError = params.get('error');
  const kakaoErrors = t.login.kakaoErrors as Record<string, string>;

  const notice =
    state.notice === 'verified'
      ? t.verify.success
      : state.notice === 'alreadyVerified'
        ? t.verify.alreadyVerified
        : state.notice === 'passwordReset'
          ? t.resetPassword.confirmDone
          : state.ended === 'deleted'
            ? t.me.deleted
            : null;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setUnverified(false);
    const uErr = username.trim() ? null : t.validation.required;
    const pErr = password ? null : t.validation.required;
    setUsernameError(uErr);
    setPasswordError(pErr);
    if (uErr || pErr) {
      document.getElementById(uErr ? 'login-username' : 'login-password')?.focus();
      return;
    }
    try {
      await loginMutation.mutateAsync({ username: username.trim(), password });
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'account.email_unverified') setUnverified(true);
      setFormError(errorText(err, t));
    }
  };

  return (
    <section className="narrow card">
      <h1 tabIndex={-1}>{t.login.title}</h1>
      <Notice tone="success">{notice}</Notice>
      {kakaoError ? (
        <Notice tone="error">
          {kakaoErrors[kakaoError] ?? (
            <>
              {t.login.kakaoFailed} <code>{kakaoError}</code>
            </>
          )}
        </Notice>
      ) : null}
      <Notice tone="error" id="login-form-error">
        {formError ? (
          <>
            {formError}
            {unverified ? (
              <>
                {' '}
                <Link to="/verify-email">{t.login.verifyLink}</Link>
              </>
            ) : null}
          </>
        ) : null}
      </Notice>
      <form onSubmit={onSubmit} noValidate aria-describedby={formError ? 'login-form-error' : undefined}>
        <Field
          id="login-username"
          name="login-username"
          data-testid="login-username"
          label={t.fields.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(e) => {
            setUsername(e.target.value);
            setUsernameError(null);
          }}
          error={usernameError}
        />
        <Field
          id="login-password"
          name="login-password"
          data-testid="login-password"
          label={t.fields.password}
          type="password"
          autoComplete="current-password"
          required
          revealable
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setPasswordError(null);
          }}
          error={passwordError}
        />
        <button
          type="submit"
          className="btn btn-primary btn-block"
          name="login-submit"
          data-testid="login-submit"
          disabled={busy}
        >
          {busy ? t.login.submitting : t.login.submit}
        </button>
      </form>
      <p className="divider">
        <span>{t.login.or}</span>
      </p>
      <a className="btn btn-kakao btn-block" href={KAKAO_START} data-testid="login-kakao">
        {t.login.kakao}
      </a>
      <nav aria-label={t.login.helpLabel} className="form-footer">
        <ul className="inline-links">
          <li>
            <Link to="/find-username">{t.login.findUsername}</Link>
          </li>
          <li>
            <Link to="/reset-password">{t.login.resetPassword}</Link>
          </li>
          <li>
            {t.login.noAccount} <Link to="/signup">{t.login.signupLink}</Link>
          </li>
        </ul>
      </nav>
    </section>
  );
}
