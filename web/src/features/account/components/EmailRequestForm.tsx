import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { errorText } from '../../../shared/api/errorText';
import { Field } from '../../../shared/components/Field';
import { Notice } from '../../../shared/components/Notice';
import { useTitle } from '../../../shared/components/useTitle';
import { accountApi } from '../api';
import { useAccountI18n } from '../i18n';
import { checkEmail } from '../model/validation';

/** Shared body of "find username" and "reset password (request)": both take an e-mail and answer 202. */
export function EmailRequestForm({ kind }: { kind: 'findUsername' | 'resetPassword' }) {
  const { t } = useAccountI18n();
  const texts = t[kind];
  useTitle(texts.title);
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const requestMutation = useMutation({
    mutationFn: (address: string) =>
      kind === 'findUsername' ? accountApi.findUsername(address) : accountApi.requestPasswordReset(address),
  });
  const busy = requestMutation.isPending;
  const prefix = kind === 'findUsername' ? 'find-username' : 'reset';

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const err = checkEmail(email.trim());
    setEmailError(err ? t.validation[err] : null);
    if (err) {
      document.getElementById(`${prefix}-email`)?.focus();
      return;
    }
    try {
      await requestMutation.mutateAsync(email.trim());
      setDone(true);
    } catch (ex) {
      setFormError(errorText(ex, t));
    }
  };

  return (
    <section className="narrow card">
      <h1 tabIndex={-1}>{texts.title}</h1>
      <p className="lead">{texts.lead}</p>
      <Notice tone="error">{formError}</Notice>
      <Notice tone="success">{done ? texts.done : null}</Notice>
      <form onSubmit={onSubmit} noValidate>
        <Field
          id={`${prefix}-email`}
          name={`${prefix}-email`}
          data-testid={`${prefix}-email`}
          label={t.fields.email}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            setEmailError(null);
          }}
          error={emailError}
        />
        <button
          type="submit"
          className="btn btn-primary btn-block"
          name={`${prefix}-submit`}
          data-testid={`${prefix}-submit`}
          disabled={busy}
        >
          {texts.submit}
        </button>
      </form>
      <p className="form-footer">
        <Link to="/login">{t.login.title}</Link>
      </p>
    </section>
  );
}
