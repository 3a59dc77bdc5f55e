import { Link } from 'react-router-dom';
import type { NotificationItem } from '../../../shared/api/types';
import { relativeTime } from '../../../shared/format/listing';
import { fmt, label } from '../../../shared/i18n';
import { useNotificationsI18n } from '../i18n';
import { safeLink } from '../model/list';
import { CloseIcon, TypeIcon } from './TypeIcon';

const LOCALES = { ko: 'ko-KR', en: 'en-US' } as const;

/**
 * One notification: the server's sentence, its type and age; an unread one stands out. Opening it marks it
 * read and goes to its page; the × deletes it.
 */
export function NotificationRow({
  item,
  now,
  onOpen,
  onRemove,
  removing,
  mainRef,
}: {
  item: NotificationItem;
  now: number;
  onOpen: (item: NotificationItem) => void;
  onRemove: (item: NotificationItem) => void;
  removing: boolean;
  /** The row's main control, for moving focus after a delete. */
  mainRef: (el: HTMLElement | null) => void;
}) {
  const { t, lang } = useNotificationsI18n();
  const href = safeLink(item.link);
  const when = relativeTime(item.created_at, now, t);
  const at = new Date(item.created_at);
  const inner = (
    <>
      <span className={`notification-icon type-${item.type}`}>
        <TypeIcon type={item.type} />
      </span>
      <span className="notification-body">
        {item.read ? null : <span className="visually-hidden">{t.notifications.unread}, </span>}
        <span className="notification-text" data-testid="notification-text">
          {item.text}
        </span>
        <span className="notification-meta">
          <span className="notification-type">{label(t.notificationTypes.label, item.type)}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={item.created_at} title={Number.isNaN(at.getTime()) ? undefined : at.toLocaleString(LOCALES[lang])}>
            {when}
          </time>
        </span>
      </span>
      {item.read ? null : <span className="notification-dot" aria-hidden="true" />}
    </>
  );
  return (
    <li
      className={`notification${item.read ? '' : ' is-unread'}`}
      data-testid="notification-item"
      data-id={item.id}
      data-type={item.type}
      data-read={String(item.read)}
    >
      {href ? (
        <Link to={href} className="notification-main" ref={mainRef} onClick={() => onOpen(item)}>
          {inner}
        </Link>
      ) : (
        <button type="button" className="notification-main" ref={mainRef} onClick={() => onOpen(item)} title={t.notifications.noLink}>
          {inner}
        </button>
      )}
      <button
        type="button"
        className="notification-delete"
        aria-label={fmt(t.notifications.remove, { text: item.text })}
        title={fmt(t.notifications.remove, { text: item.text })}
        data-testid="notification-delete"
        disabled={removing}
        onClick={() => onRemove(item)}
      >
        <CloseIcon />
      </button>
    </li>
  );
}
