-- A photo is held by a listing (post_id) or by the chat room it was sent in (room_id), never both.
ALTER TABLE photos ADD COLUMN room_id BIGINT;
CREATE INDEX photos_room ON photos (room_id);
DROP INDEX photos_unattached;
CREATE INDEX photos_unattached ON photos (created_at) WHERE post_id IS NULL AND room_id IS NULL;
