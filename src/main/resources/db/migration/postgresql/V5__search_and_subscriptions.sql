-- PostgreSQL twin of sqlite/V5__search_and_subscriptions.sql. Full-text search through tsvector
-- columns the database keeps up to date itself (generated, GIN-indexed): English stemming, the
-- title weighted above the outlet above the body, ranked with ts_rank (see store/TsvectorSearch).
-- A tsvector holds at most 1 MB, so only the first 100,000 characters of a body are indexed.
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A')
    || setweight(to_tsvector('english', outlet), 'B')
    || setweight(to_tsvector('english', left(body, 100000)), 'C')) STORED;
CREATE INDEX articles_search ON articles USING gin(search);

ALTER TABLE stories ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', headline)) STORED;
CREATE INDEX stories_search ON stories USING gin(search);

-- Which sources (feeds) each channel subscribed to with the chat commands.
CREATE TABLE channel_sources (
    channel_id  TEXT    NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    added_by    TEXT    NOT NULL DEFAULT '',
    added_at    TEXT    NOT NULL,
    PRIMARY KEY (channel_id, source_id)
);
CREATE INDEX channel_sources_source ON channel_sources(source_id);
