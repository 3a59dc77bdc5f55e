import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorText } from '../../../shared/api/errorText';
import { ApiError } from '../../../shared/api/problem';
import { useAuth } from '../../../shared/auth';
import { Field } from '../../../shared/components/Field';
import { Notice } from '../../../shared/components/Notice';
import { useTitle } from '../../../shared/components/useTitle';
import { accountApi } from '../api';
import { accountKeys, useMe } from '../api/queries';
import { useAccountI18n } from '../i18n';
import { checkNickname, checkPassword } from '../model/validation';

function formatDate(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(lang === 'ko' ? 'ko-KR' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric' });
}

function fieldErrors(err: unknown, field: string): string | null {
  return err instanceof ApiError ? err.fieldDetail(field) : null;
}

export function MePage() {
  const { t, lang } = useAccountI18n();
  const { user, logout } = useAuth();
  const queryClient = useQueryClient();
  useTitle(t.me.title);

  // A fresh profile once the session is known; it also refreshes the session's user (header, home page).
  useMe();

  const nicknameMutation = useMutation({
    mutationFn: (nickname: string) => accountApi.updateNickname(nickname),
    onSuccess: (u) => queryClient.setQueryData(accountKeys.me, u),
  });
  const passwordMutation = useMutation({
    mutationFn: (v: { current: string; next: string }) => accountApi.changePassword(v.current, v.next),
  });
  const deleteMutation = useMutation({ mutationFn: (password: string) => accountApi.deleteAccount(password) });

  // Nickname
  const [nickname, setNickname] = useState('');
  const [nickError, setNickError] = useState<string | null>(null);
  const [nickMsg, setNickMsg] = useState<string | null>(null);

  // Password
  const [curPw, setCurPw] = useState('');
  const [newPw, setNewPw] = useState('');
  const [newPw2, setNewPw2] = useState('');
  const [pwErrors, setPwErrors] = useState<{ current?: string; next?: string; confirm?: string; form?: string }>({});
  const [pwMsg, setPwMsg] = useState<string | null>(null);

  // Delete
  const [deleting, setDeleting] = useState(false);
  const [delPw, setDelPw] = useState('');
  const [delConfirmed, setDelConfirmed] = useState(false);
  const [delError, setDelError] = useState<string | null>(null);

  useEffect(() => {
    if (user) setNickname((n) => n || user.nickname);
  }, [user]);

  // RequireAuth renders this page only with a session.
  if (!user) return null;

  const onNickname = async (e: FormEvent) => {
    e.preventDefault();
    setNickMsg(null);
    const v = nickname;
    const c = checkNickname(v);
    if (c) {
      setNickError(t.validation[c]);
      document.getElementById('me-new-nickname')?.focus();
      return;
    }
    setNickError(null);
    try {
      const u = await nicknameMutation.mutateAsync(v);
      setNickname(u.nickname);
      setNickMsg(t.me.nicknameSaved);
    } catch (err) {
      setNickError(fieldErrors(err, 'nickname') ?? errorText(err, t));
      document.getElementById('me-new-nickname')?.focus();
    }
  };

  const onPassword = async (e: FormEvent) => {
    e.preventDefault();
    setPwMsg(null);
    const errs: typeof pwErrors = {};
    if (!curPw) errs.current = t.validation.required;
    const c = checkPassword(newPw, user.username);
    if (c) errs.next = t.validation[c];
    else if (newPw !== newPw2) errs.confirm = t.validation.passwordMismatch;
    setPwErrors(errs);
    if (errs.current || errs.next || errs.confirm) {
      const id = errs.current ? 'me-current-password' : errs.next ? 'me-new-password' : 'me-new-password2';
      document.getElementById(id)?.focus();
      return;
    }
    try {
      await passwordMutation.mutateAsync({ current: curPw, next: newPw });
      setCurPw('');
      setNewPw('');
      setNewPw2('');
      setPwMsg(t.me.passwordSaved);
    } catch (err) {
      const next: typeof pwErrors = {};
      if (err instanceof ApiError && err.code === 'auth.invalid_credentials') next.current = errorText(err, t);
      const cur = fieldErrors(err, 'current_password');
      const nw = fieldErrors(err, 'new_password');
      if (cur) next.current = cur;
      if (nw) next.next = nw;
      if (!next.current && !next.next) next.form = errorText(err, t);
      setPwErrors(next);
    }
  };

  const onDelete = async (e: FormEvent) => {
    e.preventDefault();
    if (!delConfirmed || !delPw) {
      setDelError(t.validation.required);
      return;
    }
    setDelError(null);
    try {
      // Ends the session; RequireAuth then takes the visitor to the login page, which says why.
      await deleteMutation.mutateAsync(delPw);
    } catch (err) {
      setDelError(fieldErrors(err, 'password') ?? errorText(err, t));
    }
  };

  // RequireAuth takes the visitor home once the session has ended.
  const onLogout = () => logout();

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t.me.title}</h1>
        <button type="button" className="btn btn-secondary" data-testid="logout" name="logout" onClick={onLogout}>
          {t.me.logout}
        </button>
      </div>

      <section className="card" aria-labelledby="me-profile-title">
        <h2 id="me-profile-title">{t.me.profile}</h2>
        <dl className="facts">
          <div>
            <dt>{t.me.username}</dt>
            <dd data-testid="me-username">{user.username}</dd>
          </div>
          <div>
            <dt>{t.me.nickname}</dt>
            <dd data-testid="me-nickname">{user.nickname}</dd>
          </div>
          <div>
            <dt>{t.me.email}</dt>
            <dd>
              {user.email}{' '}
              <span className={`badge ${user.email_verified ? 'badge-ok' : 'badge-warn'}`}>
                {user.email_verified ? t.me.emailVerified : t.me.emailUnverified}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t.me.joined}</dt>
            <dd>
              <time dateTime={user.created_at}>{formatDate(user.created_at, lang)}</time>
            </dd>
          </div>
          <div>
            <dt>{t.me.providers}</dt>
            <dd>{user.providers && user.providers.length ? user.providers.join(', ') : t.me.noProviders}</dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="me-nickname-title">
        <h2 id="me-nickname-title">{t.me.changeNickname}</h2>
        <Notice tone="success">{nickMsg}</Notice>
        <form onSubmit={onNickname} noValidate className="inline-form">
          <Field
            id="me-new-nickname"
            name="me-new-nickname"
            data-testid="me-new-nickname"
            label={t.fields.nickname}
            hint={t.hints.nickname}
            required
            value={nickname}
            onChange={(e) => {
              setNickname(e.target.value);
              setNickError(null);
            }}
            error={nickError}
            maxLength={32}
          />
          <button type="submit" className="btn btn-primary" name="me-nickname-submit" disabled={nicknameMutation.isPending}>
            {t.me.changeNickname}
          </button>
        </form>
      </section>

      <section className="card" aria-labelledby="me-password-title">
        <h2 id="me-password-title">{t.me.changePassword}</h2>
        <Notice tone="success">{pwMsg}</Notice>
        <Notice tone="error">{pwErrors.form}</Notice>
        <form onSubmit={onPassword} noValidate>
          <Field
            id="me-current-password"
            name="me-current-password"
            label={t.fields.currentPassword}
            type="password"
            autoComplete="current-password"
            required
            value={curPw}
            onChange={(e) => setCurPw(e.target.value)}
            error={pwErrors.current}
          />
          <Field
            id="me-new-password"
            name="me-new-password"
            label={t.fields.newPassword}
            hint={t.hints.password}
            type="password"
            autoComplete="new-password"
            required
            revealable
            value={newPw}
            onChange={(e) => setNewPw(e.target.value)}
            error={pwErrors.next}
            maxLength={64}
          />
          <Field
            id="me-new-password2"
            name="me-new-password2"
            label={t.fields.newPasswordConfirm}
            type="password"
            autoComplete="new-password"
            required
            value={newPw2}
            onChange={(e) => setNewPw2(e.target.value)}
            error={pwErrors.confirm}
            maxLength={64}
          />
          <button type="submit" className="btn btn-primary" name="me-password-submit" disabled={passwordMutation.isPending}>
            {t.me.changePassword}
          </button>
        </form>
      </section>

      <section className="card danger-zone" aria-labelledby="me-delete-title">
        <h2 id="me-delete-title">{t.me.deleteTitle}</h2>
        <p>{t.me.deleteWarning}</p>
        {!deleting ? (
          <button
            type="button"
            className="btn btn-danger"
            name="me-delete-start"
            data-testid="me-delete-start"
            onClick={() => setDeleting(true)}
          >
            {t.me.deleteStart}
          </button>
        ) : (
          <form onSubmit={onDelete} noValidate>
            <Notice tone="error">{delError}</Notice>
            <Field
              id="me-delete-password"
              name="me-delete-password"
              data-testid="me-delete-password"
              label={t.fields.password}
              type="password"
              autoComplete="current-password"
              required
              value={delPw}
              onChange={(e) => setDelPw(e.target.value)}
            />
            <div className="check">
              <input
                id="me-delete-confirm"
                type="checkbox"
                name="me-delete-confirm"
                data-testid="me-delete-confirm"
                checked={delConfirmed}
                onChange={(e) => setDelConfirmed(e.target.checked)}
              />
              <label htmlFor="me-delete-confirm">{t.me.deleteConfirmCheck}</label>
            </div>
            <div className="actions">
              <button
                type="submit"
                className="btn btn-danger"
                name="me-delete-submit"
                data-testid="me-delete-submit"
                disabled={!delConfirmed || !delPw || deleteMutation.isPending}
              >
                {t.me.deleteConfirm}
              </button>
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => {
                  setDeleting(false);
                  setDelPw('');
                  setDelConfirmed(false);
                  setDelError(null);
                }}
              >
                {t.common.cancel}
              </button>
            </div>
          </form>
        )}
      </section>
    </>
  );
}
