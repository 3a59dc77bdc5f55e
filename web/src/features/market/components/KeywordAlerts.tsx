import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { errorText } from '../../../shared/api/errorText';
import { ApiError } from '../../../shared/api/problem';
import type { KeywordList } from '../../../shared/api/types';
import { Notice } from '../../../shared/components/Notice';
import { fmt } from '../../../shared/i18n';
import { marketApi } from '../api';
import { marketKeys, useKeywords } from '../api/queries';
import { useMarketI18n } from '../i18n';
import { LIMITS, validateKeyword } from '../model/validation';

/** 키워드 알림: the list (oldest first), add one (up to the server's max), remove one. */
export function KeywordAlerts() {
  const { t } = useMarketI18n();
  const qc = useQueryClient();
  const keywords = useKeywords(true);
  const [text, setText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const add = useMutation({
    mutationFn: (keyword: string) => marketApi.addKeyword(keyword),
    onSuccess: (k) => {
      qc.setQueryData<KeywordList>(marketKeys.keywords, (old) => (old ? { ...old, items: [...old.items, k] } : old));
      void qc.invalidateQueries({ queryKey: marketKeys.keywords });
      setText('');
      setDone(fmt(t.marketMe.keywordAdded, { keyword: k.keyword }));
      inputRef.current?.focus();
    },
  });
  const remove = useMutation({
    mutationFn: (k: { id: string; keyword: string }) => marketApi.removeKeyword(k.id),
    onSuccess: (_r, k) => {
      qc.setQueryData<KeywordList>(marketKeys.keywords, (old) => (old ? { ...old, items: old.items.filter((x) => x.id !== k.id) } : old));
      setDone(fmt(t.marketMe.keywordRemoved, { keyword: k.keyword }));
      inputRef.current?.focus();
    },
  });

  const items = keywords.data?.items ?? [];
  const max = keywords.data?.max ?? 20;
  const full = items.length >= max;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const problem = validateKeyword(text);
    setLocalError(problem ? t.marketValidation[problem] : null);
    if (!problem) add.mutate(text.trim());
  };

  const serverField = add.error instanceof ApiError ? add.error.fieldDetail('keyword') : null;
  const fieldError = localError ?? serverField;
  const formError = add.error && !serverField ? errorText(add.error, t) : remove.error ? errorText(remove.error, t) : null;

  return (
    <section aria-labelledby="keywords-title" className="card">
      <h2 id="keywords-title">{t.marketMe.keywords}</h2>
      <p className="muted">{t.marketMe.keywordsLead}</p>
      {done ? <Notice tone="success">{done}</Notice> : null}
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      {keywords.error ? <Notice tone="error">{errorText(keywords.error, t)}</Notice> : null}
      <form className="inline-form" onSubmit={submit} noValidate>
        <div className={`field${fieldError ? ' has-error' : ''}`}>
          <label htmlFor="keyword-input">
            {t.marketMe.keywordLabel}
            <span className="counter">{fmt(t.marketMe.keywordCount, { n: items.length, max })}</span>
          </label>
          <input
            ref={inputRef}
            id="keyword-input"
            name="keyword"
            data-testid="keyword-input"
            type="text"
            value={text}
            maxLength={LIMITS.keywordMax * 2}
            placeholder={t.marketMe.keywordPlaceholder}
            disabled={full}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? 'keyword-error' : full ? 'keyword-full' : undefined}
          />
          {fieldError ? (
            <p id="keyword-error" className="field-error">
              {fieldError}
            </p>
          ) : null}
          {full ? (
            <p id="keyword-full" className="hint">
              {fmt(t.marketMe.keywordFull, { max })}
            </p>
          ) : null}
        </div>
        <button type="submit" className="btn btn-primary" name="keyword-add" data-testid="keyword-add" disabled={full || add.isPending}>
          {t.marketMe.keywordAdd}
        </button>
      </form>
      {keywords.isPending ? (
        <p role="status" className="muted">
          {t.common.loading}
        </p>
      ) : items.length === 0 ? (
        <p className="muted">{t.marketMe.keywordsEmpty}</p>
      ) : (
        <ul className="keyword-list">
          {items.map((k) => (
            <li key={k.id} className="keyword-chip" data-testid="keyword-item">
              <span>{k.keyword}</span>
              <button
                type="button"
                aria-label={fmt(t.marketMe.keywordRemove, { keyword: k.keyword })}
                disabled={remove.isPending}
                onClick={() => {
                  setDone(null);
                  remove.mutate(k);
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
