CREATE TABLE outbox (
    id BIGINT PRIMARY KEY,
    type TEXT NOT NULL,
    version INTEGER NOT NULL,
    event_key TEXT NOT NULL,
    occurred_at BIGINT NOT NULL,
    data TEXT NOT NULL,
    published_at BIGINT
);
CREATE INDEX outbox_unpublished ON outbox (published_at, id);

CREATE TABLE inbox (
    consumer TEXT NOT NULL,
    event_id BIGINT NOT NULL,
    processed_at BIGINT NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
