import type { ReactNode } from 'react';
import { errorText } from '../../../shared/api/errorText';
import { ApiError } from '../../../shared/api/problem';
import { Notice } from '../../../shared/components/Notice';
import { useTitle } from '../../../shared/components/useTitle';
import { useMailbox } from '../api/queries';
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
  const mailbox = useMailbox();
  // 404: this server has no dev mailbox (SMTP configured, or not in dev mode).
  const notAvailable = mailbox.error instanceof ApiError && mailbox.error.status === 404;
  const error = mailbox.error && !notAvailable ? mailbox.error : null;
  const items = notAvailable ? null : (mailbox.data?.items ?? null);

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t.mailbox.title}</h1>
        <button type="button" className="btn btn-secondary" onClick={() => void mailbox.refetch()} disabled={mailbox.isFetching} name="mailbox-refresh">
          {t.mailbox.refresh}
        </button>
      </div>
      <p className="lead">{t.mailbox.lead}</p>
      {error ? <Notice tone="error">{errorText(error, t)}</Notice> : null}
      {notAvailable ? <Notice tone="info">{t.mailbox.notAvailable}</Notice> : null}
      {mailbox.isPending ? <p role="status">{t.common.loading}</p> : null}
      {items ? (
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
