CREATE TABLE oauth_states (
    state_hash TEXT PRIMARY KEY,
    code_verifier TEXT NOT NULL,
    return_to TEXT NOT NULL,
    link_user_id BIGINT,
    expires_at BIGINT NOT NULL
);
CREATE INDEX oauth_states_expires ON oauth_states (expires_at);
