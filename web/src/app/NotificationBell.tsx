import { NavLink } from 'react-router-dom';
import { BellIcon } from '../shared/components/BellIcon';
import { useI18n } from '../shared/i18n';
import { useUnreadNotifications } from '../shared/realtime/hooks';
import { badgeText, bellLabel } from './notificationBell';

/**
 * The header's link to /notifications, with the unread count kept live by the notification stream. Its name is
 * its (visually hidden) text, "알림 3개 안 읽음"; the badge beside the bell is for the eye only.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const count = useUnreadNotifications();
  const badge = badgeText(count);
  const name = bellLabel(count, t);
  return (
    <NavLink to="/notifications" className="nav-bell" data-testid="nav-notifications" title={name}>
      <BellIcon />
      <span className="visually-hidden" data-testid="notification-bell-name">
        {name}
      </span>
      {badge ? (
        <span className={`bell-badge${badge.length > 2 ? ' is-wide' : ''}`} data-testid="notification-badge" aria-hidden="true">
          {badge}
        </span>
      ) : null}
    </NavLink>
  );
}
