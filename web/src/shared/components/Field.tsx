import { useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { useI18n } from '../i18n/core';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  /** Live status line (e.g. availability), announced politely. */
  status?: ReactNode;
  statusTone?: 'ok' | 'bad' | 'neutral';
  /** Adds a show/hide toggle for password inputs. */
  revealable?: boolean;
}

export function Field({ id, label, hint, error, status, statusTone = 'neutral', revealable, type, ...rest }: FieldProps) {
  const { t } = useI18n();
  const [reveal, setReveal] = useState(false);
  const hintId = hint ? `${id}-hint` : undefined;
  const statusId = `${id}-status`;
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : undefined, status ? statusId : undefined].filter(Boolean).join(' ');
  const inputType = revealable && reveal ? 'text' : type;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {rest.required ? <span className="req" aria-hidden="true"> *</span> : null}
      </label>
      <div className={revealable ? 'input-row' : undefined}>
        <input
          id={id}
          type={inputType}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...rest}
        />
        {revealable ? (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-controls={id}
            aria-pressed={reveal}
            onClick={() => setReveal((r) => !r)}
          >
            {reveal ? t.common.hidePassword : t.common.showPassword}
          </button>
        ) : null}
      </div>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <p id={statusId} className={`field-status tone-${statusTone}`} aria-live="polite">
        {status}
      </p>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
