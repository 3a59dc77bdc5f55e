-- One row per scheduled job of the service: which slot was claimed last, by whom, and how it ended. Instances
-- sharing the database claim a slot here, so each slot runs once.
CREATE TABLE job_runs (
    name TEXT PRIMARY KEY,
    last_slot BIGINT,
    lease_owner TEXT,
    lease_until BIGINT,
    last_started_at BIGINT,
    last_finished_at BIGINT,
    last_outcome TEXT,
    last_error TEXT
);
