import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { errorText } from '../../../shared/api/errorText';
import { ApiError } from '../../../shared/api/problem';
import type { AvailabilityField } from '../../../shared/api/types';
import { Field } from '../../../shared/components/Field';
import { Notice } from '../../../shared/components/Notice';
import { useTitle } from '../../../shared/components/useTitle';
import { accountApi } from '../api';
import { useAvailability, type AvailabilityState } from '../api/useAvailability';
import { useAccountI18n, type AccountTexts as Dict } from '../i18n';
import { checkEmail, checkNickname, checkPassword, checkUsername, type ValidationKey } from '../model/validation';
import { markCodeSent } from '../model/verifyCooldown';

type FieldName = 'username' | 'nickname' | 'email' | 'password';
const FIELDS: FieldName[] = ['username', 'nickname', 'email', 'password'];

const CONFLICT_FIELD: Record<string, FieldName> = {
  'account.username_taken': 'username',
  'account.nickname_taken': 'nickname',
  'account.email_taken': 'email',
};

function localCheck(f: FieldName, v: Record<FieldName, string>): ValidationKey | null {
  switch (f) {
    case 'username':
      return checkUsername(v.username);
    case 'nickname':
      return checkNickname(v.nickname);
    case 'email':
      return checkEmail(v.email);
    case 'password':
      return checkPassword(v.password, v.username);
  }
}

function availabilityStatus(a: AvailabilityState, t: Dict): { text: string; tone: 'ok' | 'bad' | 'neutral' } | null {
  switch (a.state) {
    case 'checking':
      return { text: t.availability.checking, tone: 'neutral' };
    case 'available':
      return { text: t.availability.available, tone: 'ok' };
    default:
      return null;
  }
}

function takenText(a: AvailabilityState, field: AvailabilityField, t: Dict): string | null {
  if (a.state !== 'taken') return null;
  const reasons = t.availability.reasons as Record<string, string>;
  if (a.reason && reasons[a.reason]) return reasons[a.reason];
  if (!a.reason || a.reason.endsWith('_taken') || a.reason === 'taken') {
    return reasons[`account.${field}_taken`] ?? t.availability.taken;
  }
  return t.availability.unavailable;
}

export function SignupPage() {
  const { t } = useAccountI18n();
  const navigate = useNavigate();
  useTitle(t.signup.title);

  const [values, setValues] = useState<Record<FieldName, string>>({ username: '', nickname: '', email: '', password: '' });
  const [touched, setTouched] = useState<Record<FieldName, boolean>>({
    username: false,
    nickname: false,
    email: false,
    password: false,
  });
  const [serverErrors, setServerErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const signupMutation = useMutation({ mutationFn: accountApi.signup });
  const busy = signupMutation.isPending;

  const local: Record<FieldName, ValidationKey | null> = {
    username: localCheck('username', values),
    nickname: localCheck('nickname', values),
    email: localCheck('email', values),
    password: localCheck('password', values),
  };

  const avUsername = useAvailability('username', values.username, local.username === null);
  const avNickname = useAvailability('nickname', values.nickname, local.nickname === null);
  const avEmail = useAvailability('email', values.email, local.email === null);
  const availability: Record<AvailabilityField, AvailabilityState> = {
    username: avUsername,
    nickname: avNickname,
    email: avEmail,
  };

  const set = (f: FieldName) => (e: ChangeEvent<HTMLInputElement>) => {
    const v = e.target.value;
    setValues((old) => ({ ...old, [f]: v }));
    setServerErrors((old) => {
      const next = { ...old };
      delete next[f];
      if (f === 'username') delete next.password;
      return next;
    });
  };
  const blur = (f: FieldName) => () => setTouched((old) => ({ ...old, [f]: true }));

  const errorFor = (f: FieldName): string | null => {
    if (serverErrors[f]) return serverErrors[f]!;
    if (touched[f] && local[f]) return t.validation[local[f]!];
    if (f !== 'password') return takenText(availability[f], f, t);
    return null;
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched({ username: true, nickname: true, email: true, password: true });
    setFormError(null);
    const firstBad = FIELDS.find((f) => local[f] !== null);
    if (firstBad) {
      setFormError(t.validation.fixErrors);
      document.getElementById(`signup-${firstBad}`)?.focus();
      return;
    }
    try {
      const res = await signupMutation.mutateAsync(values);
      markCodeSent(res.verification.email);
      navigate(`/verify-email?email=${encodeURIComponent(res.verification.email)}`);
    } catch (err) {
      const next: Partial<Record<FieldName, string>> = {};
      let general: string | null = null;
      if (err instanceof ApiError) {
        const conflict = CONFLICT_FIELD[err.code];
        if (conflict) {
          next[conflict] = errorText(err, t);
        } else if (err.errors.length > 0) {
          for (const fe of err.errors) {
            const f = fe.field as FieldName;
            const text = fe.detail || fe.code || fe.field;
            if (FIELDS.includes(f)) next[f] = next[f] ? `${next[f]} ${text}` : text;
            else general = general ? `${general} ${text}` : text;
          }
          if (!general) general = errorText(err, t);
        } else {
          general = errorText(err, t);
        }
      } else {
        general = errorText(err, t);
      }
      setServerErrors(next);
      setFormError(general);
      const first = FIELDS.find((f) => next[f]);
      if (first) document.getElementById(`signup-${first}`)?.focus();
    }
  };

  const status = (f: AvailabilityField) => {
    if (errorFor(f)) return null;
    return availabilityStatus(availability[f], t);
  };

  return (
    <section className="narrow card">
      <h1 tabIndex={-1}>{t.signup.title}</h1>
      <p className="lead">{t.signup.lead}</p>
      <Notice tone="error" id="signup-form-error">
        {formError}
      </Notice>
      <form onSubmit={onSubmit} noValidate aria-describedby={formError ? 'signup-form-error' : undefined}>
        {(['username', 'nickname', 'email'] as const).map((f) => {
          const st = status(f);
          return (
            <Field
              key={f}
              id={`signup-${f}`}
              name={`signup-${f}`}
              data-testid={`signup-${f}`}
              label={t.fields[f]}
              hint={t.hints[f]}
              type={f === 'email' ? 'email' : 'text'}
              autoComplete={f === 'email' ? 'email' : f === 'username' ? 'username' : 'nickname'}
              autoCapitalize="none"
              spellCheck={false}
              required
              value={values[f]}
              onChange={set(f)}
              onBlur={blur(f)}
              error={errorFor(f)}
              status={st?.text}
              statusTone={st?.tone}
              maxLength={f === 'email' ? 254 : f === 'username' ? 20 : 32}
            />
          );
        })}
        <Field
          id="signup-password"
          name="signup-password"
          data-testid="signup-password"
          label={t.fields.password}
          hint={t.hints.password}
          type="password"
          autoComplete="new-password"
          required
          revealable
          value={values.password}
          onChange={set('password')}
          onBlur={blur('password')}
          error={errorFor('password')}
          maxLength={64}
        />
        <button
          type="submit"
          className="btn btn-primary btn-block"
          name="signup-submit"
          data-testid="signup-submit"
          disabled={busy}
          aria-busy={busy || undefined}
        >
          {busy ? t.signup.submitting : t.signup.submit}
        </button>
      </form>
      <p className="form-footer">
        {t.signup.haveAccount} <Link to="/login">{t.signup.loginLink}</Link>
      </p>
    </section>
  );
}
