-- Polling state of the web sources people added (feeds and pages); folders have no row here.
-- Removing a source deletes this row only: its articles stay, and chat messages keep pointing at them.
CREATE TABLE source_polls (
    source_id         INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
    interval_seconds  INTEGER NOT NULL,
    etag              TEXT,                        -- validators from the last 200, sent back for a 304
    last_modified     TEXT,
    last_fetch_at     TEXT,
    last_success_at   TEXT,
    last_status       TEXT,                        -- new, ok, not_modified, throttled, failed
    last_error        TEXT,
    failures          INTEGER NOT NULL DEFAULT 0,  -- consecutive; drives the back-off
    next_due_at       TEXT    NOT NULL,
    disabled_reason   TEXT,                        -- NULL while the source is polled
    added_at          TEXT    NOT NULL
);
CREATE INDEX source_polls_due ON source_polls(next_due_at);

-- Every entry a feed has shown, so a poll reads only the article pages it has not read yet, and
-- the same article reached through two feeds (same canonical URL) is stored once, seen twice.
CREATE TABLE feed_entries (
    source_id      INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    entry_key      TEXT    NOT NULL,               -- guid, else link, else title
    canonical_url  TEXT,
    article_id     TEXT REFERENCES articles(id) ON DELETE SET NULL,  -- NULL: read, nothing kept
    first_seen_at  TEXT    NOT NULL,
    PRIMARY KEY (source_id, entry_key)
);
CREATE INDEX feed_entries_url ON feed_entries(canonical_url);
