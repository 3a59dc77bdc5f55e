-- Idempotency-Key records: claimed while a request is being handled, then holding its response, which is
-- written in the same transaction as the request's effect.
CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    owner TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    state TEXT NOT NULL,
    response_status INTEGER,
    response_type TEXT,
    response_body TEXT,
    response_problem TEXT,
    response_location TEXT,
    locked_until BIGINT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (scope, owner, idem_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
