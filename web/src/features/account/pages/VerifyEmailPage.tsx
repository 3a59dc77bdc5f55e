import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { errorText } from '../../../shared/api/errorText';
import { ApiError } from '../../../shared/api/problem';
import { Field } from '../../../shared/components/Field';
import { Notice } from '../../../shared/components/Notice';
import { useTitle } from '../../../shared/components/useTitle';
import { fmt } from '../../../shared/i18n';
import { accountApi } from '../api';
import { useAccountI18n } from '../i18n';
import { checkCode, checkEmail } from '../model/validation';
import { cooldownLeft, markCodeSent } from '../model/verifyCooldown';

export function VerifyEmailPage() {
  const { t } = useAccountI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  useTitle(t.verify.title);

  const initialEmail = params.get('email') ?? '';
  const [email, setEmail] = useState(initialEmail);
  const [code, setCode] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const verifyMutation = useMutation({ mutationFn: (v: { email: string; code: string }) => accountApi.verifyEmail(v.email, v.code) });
  const resendMutation = useMutation({ mutationFn: accountApi.resendVerification });
  const busy = verifyMutation.isPending;
  const resending = resendMutation.isPending;
  const [cooldown, setCooldown] = useState(() => (initialEmail ? cooldownLeft(initialEmail) : 0));

  useEffect(() => {
    if (cooldown <= 0) return;
    const timer = window.setTimeout(() => setCooldown((c) => Math.max(0, c - 1)), 1000);
    return () => window.clearTimeout(timer);
  }, [cooldown]);

  const validEmail = () => {
    const e = checkEmail(email.trim());
    setEmailError(e ? t.validation[e] : null);
    if (e) document.getElementById('verify-email')?.focus();
    return !e;
  };

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    setFormError(null);
    setInfo(null);
    if (!validEmail()) return;
    const c = checkCode(code.trim());
    setCodeError(c ? t.validation[c] : null);
    if (c) {
      document.getElementById('verify-code')?.focus();
      return;
    }
    try {
      const res = await verifyMutation.mutateAsync({ email: email.trim(), code: code.trim() });
      navigate('/login', { state: { notice: 'verified', username: res.user.username } });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'account.already_verified') {
        navigate('/login', { state: { notice: 'alreadyVerified' } });
        return;
      }
      if (err instanceof ApiError && err.code === 'account.code_invalid') {
        setCodeError(errorText(err, t));
        document.getElementById('verify-code')?.focus();
      } else {
        setFormError(errorText(err, t));
      }
    }
  };

  const onResend = async () => {
    setFormError(null);
    setInfo(null);
    if (!validEmail()) return;
    try {
      await resendMutation.mutateAsync(email.trim());
      markCodeSent(email.trim());
      setCooldown(60);
      setInfo(t.verify.resent);
    } catch (err) {
      if (err instanceof ApiError && err.status === 429 && err.retryAfter) setCooldown(err.retryAfter);
      setFormError(errorText(err, t));
    }
  };

  return (
    <section className="narrow card">
      <h1 tabIndex={-1}>{t.verify.title}</h1>
      <p className="lead">{initialEmail ? fmt(t.verify.lead, { email: initialEmail }) : t.verify.leadNoEmail}</p>
      <Notice tone="error">{formError}</Notice>
      <Notice tone="success">{info}</Notice>
      <form onSubmit={onSubmit} noValidate>
        <Field
          id="verify-email"
          name="verify-email"
          data-testid="verify-email"
          label={t.fields.email}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            setEmailError(null);
            setCooldown(cooldownLeft(e.target.value.trim()));
          }}
          error={emailError}
        />
        <Field
          id="verify-code"
          name="verify-code"
          data-testid="verify-code"
          label={t.fields.code}
          hint={t.hints.code}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          value={code}
          onChange={(e) => {
            setCode(e.target.value.replace(/\D/g, '').slice(0, 6));
            setCodeError(null);
          }}
          error={codeError}
          className="code-input"
        />
        <div className="actions">
          <button
            type="submit"
            className="btn btn-primary"
            name="verify-submit"
            data-testid="verify-submit"
            disabled={busy}
          >
            {t.verify.submit}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            name="verify-resend"
            data-testid="verify-resend"
            onClick={onResend}
            aria-describedby={cooldown > 0 ? 'verify-resend-hint' : undefined}
            disabled={cooldown > 0 || resending}
          >
            {t.verify.resend}
          </button>
        </div>
        <p className="hint" id="verify-resend-hint">
          {cooldown > 0 ? fmt(t.verify.resendIn, { seconds: cooldown }) : ''}
        </p>
      </form>
    </section>
  );
}
