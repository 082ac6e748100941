-- Where digests go, on which schedule, and how far each channel has got.
CREATE TABLE channels (
    id               TEXT PRIMARY KEY,            -- platform:address
    platform         TEXT NOT NULL,
    address          TEXT NOT NULL,
    schedule         TEXT,                        -- 'HH:MM' or a 5-field cron; NULL when off
    zone             TEXT NOT NULL DEFAULT 'UTC',
    include_topics   TEXT NOT NULL DEFAULT '',
    exclude_topics   TEXT NOT NULL DEFAULT '',
    enabled          INTEGER NOT NULL DEFAULT 1,
    disabled_reason  TEXT,
    last_period      TEXT NOT NULL,               -- scheduled time of the last digest built (or skipped)
    created_at       TEXT NOT NULL
);

-- Every message to send; a row is done only after the platform confirmed it.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    idempotency_key  TEXT NOT NULL UNIQUE,        -- channel, digest period, story
    channel_id       TEXT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    parent_key       TEXT,                        -- the message this one is posted under (thread)
    kind             TEXT NOT NULL,               -- header, story, followup
    payload          TEXT NOT NULL,
    status           TEXT NOT NULL,               -- pending, sending, done, dead
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    lease_until      TEXT,
    last_error       TEXT,
    message_id       TEXT,
    created_at       TEXT NOT NULL,
    sent_at          TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

-- What each channel received of each story: the thread to reply in and what it showed then.
CREATE TABLE channel_stories (
    channel_id            TEXT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    story_id              TEXT NOT NULL,
    message_key           TEXT NOT NULL,
    outlets               INTEGER NOT NULL,
    divergence_signature  TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    PRIMARY KEY (channel_id, story_id)
);

CREATE INDEX stories_updated ON stories(updated_at);
