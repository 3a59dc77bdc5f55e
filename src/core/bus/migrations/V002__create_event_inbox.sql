-- Each consumer's queue of received events: the transport writes them here durably, the consumer handles
-- them in order per key, retries failures with back-off and sets aside the ones that keep failing.
CREATE TABLE event_inbox (
    consumer TEXT NOT NULL,
    event_id BIGINT NOT NULL,
    producer TEXT NOT NULL,
    type TEXT NOT NULL,
    version INTEGER NOT NULL,
    event_key TEXT NOT NULL,
    occurred_at BIGINT NOT NULL,
    data TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    last_error TEXT,
    received_at BIGINT NOT NULL,
    processed_at BIGINT,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX event_inbox_state ON event_inbox (consumer, state, event_id);
INSERT INTO event_inbox (consumer, event_id, producer, type, version, event_key, occurred_at, data, state, attempts,
                         next_attempt_at, received_at, processed_at)
SELECT consumer, event_id, '', '', 1, '', processed_at, '{}', 'done', 1, processed_at, processed_at, processed_at
FROM inbox;
DROP TABLE inbox;
