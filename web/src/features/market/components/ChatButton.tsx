import { useMutation } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { errorText } from '../../../shared/api/errorText';
import type { ListingDetail } from '../../../shared/api/types';
import { loginPathFor, useAuth } from '../../../shared/auth';
import { fmt } from '../../../shared/i18n';
import { marketApi } from '../api';
import { useMyChatRoom } from '../api/queries';
import { useMarketI18n } from '../i18n';
import { ChatIcon } from './Icons';

/**
 * 채팅하기 for a buyer: opens (or finds) the room about this listing and goes there. A sold listing takes no
 * new rooms: the one who already has a room gets a link to it, anyone else the reason.
 */
export function ChatButton({ listing }: { listing: ListingDetail }) {
  const { t } = useMarketI18n();
  const { status } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const sold = listing.state === 'sold';
  const loggedIn = status === 'authenticated';
  const existing = useMyChatRoom(listing.id, loggedIn && sold);
  const open = useMutation({
    mutationFn: () => marketApi.openChat(listing.id),
    onSuccess: (room) => navigate(`/chat/${encodeURIComponent(room.id)}`),
  });

  if (!loggedIn) {
    return (
      <Link to={loginPathFor(location)} className="btn btn-primary chat-btn" data-testid="chat-login">
        <ChatIcon /> {t.marketListing.chatLogin}
      </Link>
    );
  }
  if (sold) {
    if (existing.data) {
      return (
        <Link to={`/chat/${encodeURIComponent(existing.data.id)}`} className="btn btn-secondary chat-btn" data-testid="chat-room-link">
          <ChatIcon /> {t.marketListing.chatRoom}
        </Link>
      );
    }
    return (
      <>
        <button type="button" className="btn btn-primary chat-btn" data-testid="chat-open" disabled aria-describedby="chat-sold">
          <ChatIcon /> {t.marketListing.chat}
        </button>
        <span className="muted small" id="chat-sold">
          {t.marketListing.chatSold}
        </span>
      </>
    );
  }
  return (
    <>
      <button
        type="button"
        className="btn btn-primary chat-btn"
        data-testid="chat-open"
        name="chat-open"
        disabled={open.isPending}
        onClick={() => open.mutate()}
      >
        <ChatIcon /> {open.isPending ? t.marketListing.chatOpening : t.marketListing.chat}
      </button>
      {open.error ? (
        <span role="alert" className="field-error">
          {errorText(open.error, t)}
        </span>
      ) : null}
    </>
  );
}

/** The seller's way to the rooms of this listing. */
export function ListingChatsLink({ listing }: { listing: ListingDetail }) {
  const { t } = useMarketI18n();
  return (
    <Link
      to={`/chat?listing=${encodeURIComponent(listing.id)}`}
      className="btn btn-secondary chat-btn"
      data-testid="listing-chats"
    >
      <ChatIcon /> {fmt(t.marketListing.chatRooms, { n: listing.chat_count })}
      <span className="visually-hidden"> {t.marketListing.chatRoomsHint}</span>
    </Link>
  );
}
