import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { errorText } from '../../../shared/api/errorText';
import { ApiError } from '../../../shared/api/problem';
import { Field } from '../../../shared/components/Field';
import { Notice } from '../../../shared/components/Notice';
import { useTitle } from '../../../shared/components/useTitle';
import { accountApi } from '../api';
import { useAccountI18n } from '../i18n';
import { checkPassword } from '../model/validation';

export function ResetPasswordConfirmPage() {
  const { t } = useAccountI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  useTitle(t.resetPassword.confirmTitle);

  const [pw, setPw] = useState('');
  const [pw2, setPw2] = useState('');
  const [pwError, setPwError] = useState<string | null>(null);
  const [pw2Error, setPw2Error] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [tokenBad, setTokenBad] = useState(false);
  const resetMutation = useMutation({ mutationFn: (password: string) => accountApi.confirmPasswordReset(token, password) });
  const busy = resetMutation.isPending || resetMutation.isSuccess;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const a = checkPassword(pw);
    const b = !a && pw !== pw2 ? 'passwordMismatch' : null;
    setPwError(a ? t.validation[a] : null);
    setPw2Error(b ? t.validation[b] : null);
    if (a || b) {
      document.getElementById(a ? 'reset-new-password' : 'reset-new-password2')?.focus();
      return;
    }
    try {
      await resetMutation.mutateAsync(pw);
      navigate('/login', { state: { notice: 'passwordReset' } });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'account.reset_token_invalid') setTokenBad(true);
      const fieldText = err instanceof ApiError ? err.fieldDetail('new_password') : null;
      if (fieldText) setPwError(fieldText);
      setFormError(errorText(err, t));
    }
  };

  if (!token) {
    return (
      <section className="narrow card">
        <h1 tabIndex={-1}>{t.resetPassword.confirmTitle}</h1>
        <Notice tone="error">{t.resetPassword.missingToken}</Notice>
        <p>
          <Link to="/reset-password">{t.resetPassword.requestNew}</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="narrow card">
      <h1 tabIndex={-1}>{t.resetPassword.confirmTitle}</h1>
      <p className="lead">{t.resetPassword.confirmLead}</p>
      {formError ? (
        <Notice tone="error">
          {formError}
          {tokenBad ? (
            <>
              {' '}
              <Link to="/reset-password">{t.resetPassword.requestNew}</Link>
            </>
          ) : null}
        </Notice>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <Field
          id="reset-new-password"
          name="reset-new-password"
          data-testid="reset-new-password"
          label={t.fields.newPassword}
          hint={t.hints.password}
          type="password"
          autoComplete="new-password"
          required
          revealable
          value={pw}
          onChange={(e) => {
            setPw(e.target.value);
            setPwError(null);
          }}
          error={pwError}
          maxLength={64}
        />
        <Field
          id="reset-new-password2"
          name="reset-new-password2"
          data-testid="reset-new-password2"
          label={t.fields.newPasswordConfirm}
          type="password"
          autoComplete="new-password"
          required
          value={pw2}
          onChange={(e) => {
            setPw2(e.target.value);
            setPw2Error(null);
          }}
          error={pw2Error}
          maxLength={64}
        />
        <button
          type="submit"
          className="btn btn-primary btn-block"
          name="reset-submit"
          data-testid="reset-confirm-submit"
          disabled={busy}
        >
          {t.resetPassword.confirmSubmit}
        </button>
      </form>
    </section>
  );
}
