-- Where digests go, on which schedule, and how far each channel has got.
CREATE TABLE channels (
    id               TEXT PRIMARY KEY,            -- platform:address
    platform         TEXT NOT NULL,
    address          TEXT NOT NULL,
    schedule         TEXT,                        -- 'HH:MM' or a 5-field cron; NULL when off
    zone             TEXT NOT NULL DEFAULT 'UTC', -- IANA time zone of the schedule
    include_topics   TEXT NOT NULL DEFAULT '',    -- one topic per line
    exclude_topics   TEXT NOT NULL DEFAULT '',
    enabled          INTEGER NOT NULL DEFAULT 1,  -- 0 after a permanent delivery failure
    disabled_reason  TEXT,
    from_config      INTEGER NOT NULL DEFAULT 0,  -- declared in the config file (else registered from chat)
    last_period      TEXT NOT NULL,               -- scheduled time of the last period built or skipped
    last_digest_at   TEXT,                        -- when the last digest was built: the next covers what changed since
    digest_count     INTEGER NOT NULL DEFAULT 0,  -- digests built; a build commits only if no other got in first
    created_at       TEXT NOT NULL
);

-- Every message to send; a row is done only after the platform confirmed it.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    idempotency_key  TEXT NOT NULL UNIQUE,        -- channel, digest period, story
    channel_id       TEXT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    parent_key       TEXT,                        -- the message this one is posted under (thread)
    kind             TEXT NOT NULL,               -- header, story, followup
    payload          TEXT NOT NULL,               -- JSON of the content
    status           TEXT NOT NULL,               -- pending, sending, done, dead
    attempts         INTEGER NOT NULL DEFAULT 0,  -- times handed to the platform
    next_attempt_at  TEXT NOT NULL,
    lease_until      TEXT,                        -- while sending: when an abandoned send may be recovered
    last_error       TEXT,
    message_id       TEXT,                        -- the platform's id once delivered
    created_at       TEXT NOT NULL,
    sent_at          TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_channel ON outbox(channel_id, status);
CREATE INDEX outbox_parent ON outbox(parent_key);

-- What each channel received of each story: the thread to reply in and what it showed then.
CREATE TABLE channel_stories (
    channel_id            TEXT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    story_id              TEXT NOT NULL,
    message_key           TEXT NOT NULL,          -- idempotency key of the story's message
    outlets               INTEGER NOT NULL,
    outlet_names          TEXT NOT NULL,          -- one per line, to name the new ones in a follow-up
    divergence_signature  TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    PRIMARY KEY (channel_id, story_id)
);

CREATE INDEX stories_updated ON stories(updated_at);
