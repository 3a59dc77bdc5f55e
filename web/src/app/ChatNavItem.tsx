import { NavLink } from 'react-router-dom';
import { useAuth } from '../shared/auth';
import { fmt, useI18n } from '../shared/i18n';
import { useChatUnreadTotal } from '../shared/realtime/hooks';

function ChatNavLink() {
  const { t } = useI18n();
  const total = useChatUnreadTotal();
  return (
    <NavLink to="/chat" className="nav-chat" data-testid="nav-chat">
      {t.nav.chat}
      {total > 0 ? (
        <>
          <span className="nav-count" aria-hidden="true" data-testid="nav-chat-badge">
            {total > 99 ? '99+' : total}
          </span>
          <span className="visually-hidden">{fmt(t.nav.chatUnread, { n: total })}</span>
        </>
      ) : null}
    </NavLink>
  );
}

/** The header's 채팅 item, for a logged-in user: the unread messages of all rooms, live, as a badge. */
export function ChatNavItem() {
  const { status, user } = useAuth();
  if (status !== 'authenticated' || !user) return null;
  return (
    <li>
      <ChatNavLink />
    </li>
  );
}
