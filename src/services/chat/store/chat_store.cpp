#include "services/chat/store/chat_store.hpp"

#include <stdexcept>

#include "core/sql/database.hpp"
#include "core/sql/transaction.hpp"
#include "core/util/time.hpp"
#include "services/chat/contract/events.hpp"

namespace sikgu::chat {
namespace {

using sql::Connection;
using sql::Row;
using sql::Transaction;

constexpr std::string_view kRoomColumns =
    "r.id, r.post_id, r.seller_id, r.buyer_id, r.title, r.price, r.listing_state, r.thumbnail_url, r.created_at, "
    "r.closed_at, r.last_seq";
constexpr std::size_t kRoomColumnCount = 11;
constexpr std::string_view kMessageColumns = "room_id, seq, sender_id, kind, body, photo_url, client_id, created_at";

Room RoomFrom(const Row& r) {
    return {.id = r[0].AsInt(),
            .post_id = r[1].AsInt(),
            .seller_id = r[2].AsInt(),
            .buyer_id = r[3].AsInt(),
            .title = r[4].AsText(),
            .price = r[5].AsInt(),
            .listing_state = r[6].AsText(),
            .thumbnail_url = r[7].AsText(),
            .created_at = r[8].AsInt(),
            .closed_at = r[9].AsOptionalInt(),
            .last_seq = r[10].AsInt()};
}

Message MessageFrom(const Row& r, std::size_t at = 0) {
    const auto kind = ParseKind(r[at + 3].AsText());
    if (!kind) throw std::runtime_error("unknown message kind in storage: " + r[at + 3].AsText());
    return {.room_id = r[at].AsInt(),
            .seq = r[at + 1].AsInt(),
            .sender_id = r[at + 2].AsInt(),
            .kind = *kind,
            .body = r[at + 4].AsText(),
            .photo_url = r[at + 5].AsText(),
            .client_id = r[at + 6].AsOptionalText().value_or(""),
            .created_at = r[at + 7].AsInt()};
}

std::optional<Room> SelectRoom(Connection& c, std::int64_t room_id) {
    const auto row = c.QueryOne("SELECT " + std::string(kRoomColumns) + " FROM chat_rooms r WHERE r.id = ?", {room_id});
    if (!row) return std::nullopt;
    return RoomFrom(*row);
}

// Stores the next message of a room; the caller has checked the room. Returns it with its number.
Message Insert(Transaction& tx, const Room& room, std::int64_t sender_id, MessageKind kind, const std::string& body,
               const std::string& photo_url, const std::optional<std::string>& client_id) {
    const std::int64_t now = ToUnixMillis(tx.Now());
    const std::int64_t seq =
        (*tx.QueryOne("UPDATE chat_rooms SET last_seq = last_seq + 1, last_at = ? WHERE id = ? RETURNING last_seq",
                      {now, room.id}))[0]
            .AsInt();
    sql::Value client = client_id ? sql::Value(*client_id) : sql::Value();
    tx.Execute("INSERT INTO chat_messages (room_id, seq, sender_id, kind, body, photo_url, client_id, created_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               {room.id, seq, sender_id, std::string(KindName(kind)), body, photo_url, client, now});
    return {room.id, seq, sender_id, kind, body, photo_url, client_id.value_or(""), now};
}

void AdvanceRead(Transaction& tx, std::int64_t room_id, std::int64_t user_id, std::int64_t seq) {
    tx.Execute("INSERT INTO chat_reads (room_id, user_id, read_seq) VALUES (?, ?, ?) "
               "ON CONFLICT (room_id, user_id) DO UPDATE SET read_seq = excluded.read_seq "
               "WHERE chat_reads.read_seq < excluded.read_seq",
               {room_id, user_id, seq});
}

std::int64_t UnreadOf(Connection& c, std::int64_t room_id, std::int64_t user_id) {
    return (*c.QueryOne("SELECT COUNT(*) FROM chat_messages m WHERE m.room_id = ? AND m.sender_id NOT IN (?, 0) AND m.seq > "
                        "COALESCE((SELECT read_seq FROM chat_reads WHERE room_id = ? AND user_id = ?), 0)",
                        {room_id, user_id, room_id, user_id}))[0]
        .AsInt();
}

// Unread: the other party's messages after the reader's watermark (system notices are nobody's).
// A room list row: the room, the other party's nickname, both watermarks, the unread count and the last
// message, in one statement (no per-room lookups).
std::string SummarySelect(std::string_view where) {
    return "SELECT " + std::string(kRoomColumns) +
           ", COALESCE(n.nickname, ''), COALESCE(mine.read_seq, 0), COALESCE(theirs.read_seq, 0), "
           "(SELECT COUNT(*) FROM chat_messages u WHERE u.room_id = r.id AND u.sender_id NOT IN (?1, 0) "
           "   AND u.seq > COALESCE(mine.read_seq, 0)), "
           "m.room_id, m.seq, m.sender_id, m.kind, m.body, m.photo_url, m.client_id, m.created_at, r.last_at "
           "FROM chat_rooms r "
           "LEFT JOIN chat_reads mine ON mine.room_id = r.id AND mine.user_id = ?1 "
           "LEFT JOIN chat_reads theirs ON theirs.room_id = r.id AND theirs.user_id <> ?1 "
           "LEFT JOIN chat_nicknames n ON n.user_id = CASE WHEN r.seller_id = ?1 THEN r.buyer_id ELSE r.seller_id END "
           "LEFT JOIN chat_messages m ON m.room_id = r.id AND m.seq = r.last_seq "
           "WHERE " +
           std::string(where);
}

RoomSummary SummaryFrom(const Row& r) {
    RoomSummary s;
    s.room = RoomFrom(r);
    std::size_t at = kRoomColumnCount;
    s.other_nickname = r[at].AsText();
    s.read_seq = r[at + 1].AsInt();
    s.other_read_seq = r[at + 2].AsInt();
    s.unread = r[at + 3].AsInt();
    if (!r[at + 4].IsNull()) s.last_message = MessageFrom(r, at + 4);
    return s;
}

std::vector<StoredNotice> Notify(Transaction& tx, const std::vector<Room>& rooms, Notice notice) {
    std::vector<StoredNotice> out;
    for (const Room& room : rooms) {
        out.push_back({room, Insert(tx, room, 0, MessageKind::kSystem, std::string(NoticeName(notice)), "", std::nullopt)});
        out.back().room.last_seq = out.back().message.seq;
    }
    return out;
}

std::vector<Room> RoomsOfPost(Transaction& tx, std::int64_t post_id, std::int64_t event_id) {
    std::vector<Room> rooms;
    for (const Row& r : tx.Query("SELECT " + std::string(kRoomColumns) +
                                     " FROM chat_rooms r WHERE r.post_id = ? AND r.listing_event_id < ? ORDER BY r.id",
                                 {post_id, event_id})) {
        rooms.push_back(RoomFrom(r));
    }
    return rooms;
}

}  // namespace

core::Task<OpenedRoom> ChatStore::OpenRoom(const market::ListingInfo& listing, std::int64_t buyer_id) {
    co_return co_await db_.Write([&](Transaction& tx) {
        const std::int64_t now = ToUnixMillis(tx.Now());
        const std::int64_t id = tx.NextId();
        const bool created =
            tx.Execute("INSERT INTO chat_rooms (id, post_id, seller_id, buyer_id, title, price, listing_state, "
                       "thumbnail_url, created_at, last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (post_id, buyer_id) DO NOTHING",
                       {id, listing.id, listing.seller_id, buyer_id, listing.title, listing.price, listing.state,
                        listing.thumbnail_url, now, now}) == 1;
        const auto row = tx.QueryOne(
            "SELECT " + std::string(kRoomColumns) + " FROM chat_rooms r WHERE r.post_id = ? AND r.buyer_id = ?",
            {listing.id, buyer_id});
        Room room = RoomFrom(*row);
        if (created) tx.Publish(ChatRoomCreated{room.id, room.post_id, room.seller_id, room.buyer_id});
        return OpenedRoom{std::move(room), created};
    });
}

core::Task<std::optional<Room>> ChatStore::FindRoom(std::int64_t room_id) const {
    co_return co_await db_.Read([&](Connection& c) { return SelectRoom(c, room_id); });
}

core::Task<std::optional<Room>> ChatStore::FindRoomOf(std::int64_t post_id, std::int64_t buyer_id) const {
    co_return co_await db_.Read([&](Connection& c) -> std::optional<Room> {
        const auto row = c.QueryOne(
            "SELECT " + std::string(kRoomColumns) + " FROM chat_rooms r WHERE r.post_id = ? AND r.buyer_id = ?",
            {post_id, buyer_id});
        if (!row) return std::nullopt;
        return RoomFrom(*row);
    });
}

core::Task<std::vector<RoomSummary>> ChatStore::Rooms(std::int64_t user_id, std::optional<std::int64_t> post_id,
                                                      std::optional<std::pair<std::int64_t, std::int64_t>> before,
                                                      std::int64_t limit) const {
    // ?5 is always bound; the listing filter uses it only when asked for.
    const std::string sql = SummarySelect(std::string("(r.seller_id = ?1 OR r.buyer_id = ?1) ") +
                                          (post_id ? "AND r.post_id = ?5 " : "AND ?5 = ?5 ") +
                                          "AND (r.last_at < ?2 OR (r.last_at = ?2 AND r.id < ?3)) "
                                          "ORDER BY r.last_at DESC, r.id DESC LIMIT ?4");
    const auto [last_at, last_id] = before.value_or(std::pair{INT64_MAX, INT64_MAX});
    co_return co_await db_.Read([&](Connection& c) {
        std::vector<RoomSummary> out;
        for (const Row& r : c.Query(sql, {user_id, last_at, last_id, limit, post_id.value_or(0)})) {
            out.push_back(SummaryFrom(r));
        }
        return out;
    });
}

core::Task<std::optional<RoomSummary>> ChatStore::Summary(std::int64_t user_id, std::int64_t room_id) const {
    const std::string sql = SummarySelect("r.id = ?2 AND (r.seller_id = ?1 OR r.buyer_id = ?1)");
    co_return co_await db_.Read([&](Connection& c) -> std::optional<RoomSummary> {
        const auto row = c.QueryOne(sql, {user_id, room_id});
        if (!row) return std::nullopt;
        return SummaryFrom(*row);
    });
}

core::Task<Outcome<Appended>> ChatStore::Append(const NewMessage& m) {
    co_return co_await db_.Write([&](Transaction& tx) -> Outcome<Appended> {
        // Lock the room's row first (PostgreSQL; SQLite has one writer anyway): two resends of one client id
        // then cannot both miss the other, and a room closing meanwhile is seen closed.
        if (tx.Execute("UPDATE chat_rooms SET last_seq = last_seq WHERE id = ?", {m.room_id}) != 1) {
            return Refusal{404, "chat.room_not_found"};
        }
        const auto room = SelectRoom(tx.Sql(), m.room_id);
        if (!room || !room->IsMember(m.sender_id)) return Refusal{404, "chat.room_not_found"};
        if (const auto same = tx.QueryOne("SELECT " + std::string(kMessageColumns) +
                                              " FROM chat_messages WHERE room_id = ? AND sender_id = ? AND client_id = ?",
                                          {m.room_id, m.sender_id, m.client_id})) {
            return Appended{.message = MessageFrom(*same),
                            .room = *room,
                            .duplicate = true,
                            .recipient_unread = UnreadOf(tx.Sql(), room->id, room->Other(m.sender_id))};
        }
        if (!room->Open()) return Refusal{409, "chat.room_closed"};
        Appended out{.message = Insert(tx, *room, m.sender_id, m.kind, m.body, m.photo_url, m.client_id), .room = *room};
        out.room.last_seq = out.message.seq;
        if (m.kind == MessageKind::kPhoto) tx.Publish(ChatPhotoSent{room->id, out.message.seq, m.sender_id, m.photo_id});
        AdvanceRead(tx, room->id, m.sender_id, out.message.seq);  // one's own message is read
        const std::int64_t recipient = room->Other(m.sender_id);
        out.recipient_present = m.recipient_present && m.recipient_present(room->id, recipient);
        if (out.recipient_present) AdvanceRead(tx, room->id, recipient, out.message.seq);
        out.recipient_unread = UnreadOf(tx.Sql(), room->id, recipient);
        // Only a recipient who is not reading the room is told; one who is has read it already (above).
        if (out.recipient_present) return out;
        const auto nickname = tx.QueryOne("SELECT nickname FROM chat_nicknames WHERE user_id = ?", {m.sender_id});
        std::string preview = m.kind == MessageKind::kPhoto ? "사진" : m.body;
        if (preview.size() > 4 * Limits::kPreviewMaxChars) {
            std::size_t cut = 4 * Limits::kPreviewMaxChars;
            while (cut > 0 && (static_cast<unsigned char>(preview[cut]) & 0xC0) == 0x80) --cut;  // on a character boundary
            preview.resize(cut);
        }
        tx.Publish(ChatMessageSent{room->id, room->post_id, out.message.seq, m.sender_id, recipient,
                                   nickname ? (*nickname)[0].AsText() : std::string(), std::move(preview), false});
        return out;
    });
}

core::Task<std::vector<Message>> ChatStore::History(std::int64_t room_id, std::optional<std::int64_t> after,
                                                    std::optional<std::int64_t> before, std::int64_t limit) const {
    co_return co_await db_.Read([&](Connection& c) {
        std::vector<Message> out;
        const sql::Rows rows =
            after ? c.Query("SELECT " + std::string(kMessageColumns) +
                                " FROM chat_messages WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                            {room_id, *after, limit})
                  : c.Query("SELECT " + std::string(kMessageColumns) +
                                " FROM chat_messages WHERE room_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
                            {room_id, before.value_or(INT64_MAX), limit});
        for (const Row& r : rows) out.push_back(MessageFrom(r));
        return out;
    });
}

core::Task<std::optional<ReadMark>> ChatStore::MarkRead(std::int64_t room_id, std::int64_t user_id, std::int64_t seq) {
    co_return co_await db_.Write([&](Transaction& tx) -> std::optional<ReadMark> {
        const auto room = SelectRoom(tx.Sql(), room_id);
        if (!room || !room->IsMember(user_id)) return std::nullopt;
        AdvanceRead(tx, room_id, user_id, std::min(seq, room->last_seq));
        const auto row = tx.QueryOne("SELECT read_seq FROM chat_reads WHERE room_id = ? AND user_id = ?", {room_id, user_id});
        return ReadMark{row ? (*row)[0].AsInt() : std::int64_t{0}, UnreadOf(tx.Sql(), room_id, user_id)};
    });
}

std::vector<StoredNotice> ChatStore::OnListingChanged(Transaction& tx, std::int64_t event_id, std::int64_t post_id,
                                                      const std::string& title, std::int64_t price,
                                                      const std::string& state, const std::string& thumbnail_url) {
    std::vector<Room> changed;
    for (Room& room : RoomsOfPost(tx, post_id, event_id)) {
        if (room.listing_state != state && room.Open()) changed.push_back(room);
    }
    tx.Execute("UPDATE chat_rooms SET title = ?, price = ?, listing_state = ?, "
               "thumbnail_url = CASE WHEN ? = '' THEN thumbnail_url ELSE ? END, listing_event_id = ? "
               "WHERE post_id = ? AND listing_event_id < ?",
               {title, price, state, thumbnail_url, thumbnail_url, event_id, post_id, event_id});
    const auto notice = NoticeForState(state);
    if (!notice || *notice == Notice::kSold) return {};  // 거래완료 comes with post.sold, which closes the rooms
    return Notify(tx, changed, *notice);
}

std::vector<StoredNotice> ChatStore::OnListingClosed(Transaction& tx, std::int64_t event_id, std::int64_t post_id,
                                                     Notice notice) {
    std::vector<Room> open;
    for (Room& room : RoomsOfPost(tx, post_id, event_id)) {
        if (room.Open()) open.push_back(room);
    }
    const std::string state = notice == Notice::kSold ? "sold" : "deleted";
    std::vector<StoredNotice> stored = Notify(tx, open, notice);
    const std::int64_t now = ToUnixMillis(tx.Now());
    tx.Execute("UPDATE chat_rooms SET listing_state = ?, closed_at = COALESCE(closed_at, ?), listing_event_id = ? "
               "WHERE post_id = ? AND listing_event_id < ?",
               {state, now, event_id, post_id, event_id});
    for (StoredNotice& s : stored) {
        s.room.closed_at = now;
        s.room.listing_state = state;
    }
    return stored;
}

void ChatStore::RememberNickname(Transaction& tx, std::int64_t user_id, const std::string& nickname) {
    tx.Execute("INSERT INTO chat_nicknames (user_id, nickname) VALUES (?, ?) "
               "ON CONFLICT (user_id) DO UPDATE SET nickname = excluded.nickname",
               {user_id, nickname});
}

void ChatStore::ForgetUser(Transaction& tx, std::int64_t user_id) {
    // Rooms stay for the other party (with their history); the name goes.
    tx.Execute("UPDATE chat_nicknames SET nickname = '' WHERE user_id = ?", {user_id});
}

core::Task<std::int64_t> ChatStore::PurgeClosedBefore(std::int64_t before_ms) {
    co_return co_await db_.Write([&](Transaction& tx) {
        const std::string rooms = "SELECT id FROM chat_rooms WHERE closed_at IS NOT NULL AND closed_at < ?";
        for (const auto& row : tx.Query(rooms, {before_ms})) tx.Publish(ChatRoomPurged{row[0].AsInt()});  // their photos go
        tx.Execute("DELETE FROM chat_messages WHERE room_id IN (" + rooms + ")", {before_ms});
        tx.Execute("DELETE FROM chat_reads WHERE room_id IN (" + rooms + ")", {before_ms});
        return tx.Execute("DELETE FROM chat_rooms WHERE closed_at IS NOT NULL AND closed_at < ?", {before_ms});
    });
}

}  // namespace sikgu::chat
