import { Link } from 'react-router-dom';
import type { ChatRoom } from '../../../shared/api/types';
import { formatPrice, relativeTime } from '../../../shared/format/listing';
import { fmt } from '../../../shared/i18n';
import { useChatI18n } from '../i18n';
import { previewText } from './format';
import { StateTag } from './StateTag';

/** One room in the list: the other party, when, the last message, the listing, and what is unread. */
export function RoomRow({ room, unread, now }: { room: ChatRoom; unread: number; now: number }) {
  const { t, lang } = useChatI18n();
  const at = room.last_message?.created_at ?? room.created_at;
  const initial = [...room.other.nickname][0] ?? '?';
  return (
    <li className="room-item">
      <Link
        to={`/chat/${encodeURIComponent(room.id)}`}
        className={`room-card${unread > 0 ? ' has-unread' : ''}${room.closed ? ' is-closed' : ''}`}
        data-testid="chat-room"
        data-room-id={room.id}
      >
        <span className="avatar" aria-hidden="true">
          {initial}
        </span>
        <span className="room-body">
          <span className="room-top">
            <strong className="room-name">{room.other.nickname}</strong>
            {room.role === 'seller' ? <span className="room-tag">{t.chat.mine}</span> : null}
            {room.closed ? <span className="room-tag is-ended">{t.chat.ended}</span> : null}
            <time className="room-when" dateTime={at}>
              {relativeTime(at, now, t)}
            </time>
          </span>
          <span className="room-preview-row">
            <span className="room-preview" data-testid="chat-room-preview">
              {previewText(room.last_message, t)}
            </span>
            {unread > 0 ? (
              <span className="unread-badge" data-testid="chat-room-unread">
                <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
                <span className="visually-hidden">{fmt(t.chat.unread, { n: unread })}</span>
              </span>
            ) : null}
          </span>
          <span className="room-listing">
            <StateTag state={room.listing.state} />
            <span className="room-listing-title">{room.listing.title}</span>
            <span className="room-listing-price">{formatPrice(room.listing.price, t, lang)}</span>
          </span>
        </span>
        <span className="room-thumb">
          {room.listing.thumbnail_url ? <img src={room.listing.thumbnail_url} alt="" width={56} height={56} loading="lazy" decoding="async" /> : null}
        </span>
      </Link>
    </li>
  );
}
