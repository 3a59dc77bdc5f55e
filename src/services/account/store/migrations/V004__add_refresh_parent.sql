-- The token a refresh token was issued for, so that sibling tokens (two tabs refreshing with the same
-- cookie) can be told apart from a stolen branch.
ALTER TABLE refresh_tokens ADD COLUMN parent_id BIGINT;
CREATE INDEX refresh_tokens_parent ON refresh_tokens (parent_id);
