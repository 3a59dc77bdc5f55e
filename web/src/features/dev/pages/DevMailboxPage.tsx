import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../../../shared/api/problem';
import { errorText } from '../../../shared/api/errorText';
import { devApi } from '../api';
import type { MailItem } from '../../../shared/api/types';
import { Notice } from '../../../shared/components/Notice';
import { useTitle } from '../../../shared/components/useTitle';
import { useDevI18n } from '../i18n';

const URL_RE = /(https?:\/\/[^\s<>"']+)/g;

/** Plain text with links made clickable (reset links are same-site in dev). */
export function linkify(text: string): ReactNode[] {
  return text.split(URL_RE).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export function DevMailboxPage() {
  const { t, lang } = useDevI18n();
  useTitle(t.mailbox.title);
  const [items, setItems] = useState<MailItem[] | null>(null);
  const [notAvailable, setNotAvailable] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const res = await devApi.mailbox();
      setItems(res.items ?? []);
      setNotAvailable(false);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setNotAvailable(true);
      else setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t.mailbox.title}</h1>
        <button type="button" className="btn btn-secondary" onClick={() => void load()} disabled={loading} name="mailbox-refresh">
          {t.mailbox.refresh}
        </button>
      </div>
      <p className="lead">{t.mailbox.lead}</p>
      {error ? <Notice tone="error">{errorText(error, t)}</Notice> : null}
      {notAvailable ? <Notice tone="info">{t.mailbox.notAvailable}</Notice> : null}
      {loading && !items ? <p role="status">{t.common.loading}</p> : null}
      {items && !notAvailable ? (
        items.length === 0 ? (
          <p className="empty">{t.mailbox.empty}</p>
        ) : (
          <ol className="mail-list" data-testid="mailbox-list">
            {items.map((m) => (
              <li key={m.id} className="card mail" data-testid="mailbox-item">
                <h2 className="mail-subject">{m.subject}</h2>
                <p className="muted small">
                  {t.mailbox.to}: {m.to} · {t.mailbox.sentAt}:{' '}
                  <time dateTime={m.sent_at}>
                    {new Date(m.sent_at).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB')}
                  </time>
                </p>
                <pre className="mail-body">{linkify(m.body)}</pre>
              </li>
            ))}
          </ol>
        )
      ) : null}
    </>
  );
}
