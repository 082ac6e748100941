-- Where articles come from: a folder, a file, a feed or a page.
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL,
    location    TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);

-- One row per distinct article; content_hash makes re-ingest a no-op.
CREATE TABLE articles (
    id            TEXT    PRIMARY KEY,
    source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    outlet        TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    url           TEXT    NOT NULL,
    published_at  TEXT,
    body          TEXT    NOT NULL,
    content_hash  TEXT    NOT NULL UNIQUE,
    ingested_at   TEXT    NOT NULL
);
CREATE INDEX articles_ingested ON articles(ingested_at);

-- A near-duplicate (the same wire copy seen again) points at the article it repeats.
CREATE TABLE article_sightings (
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    location     TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    seen_at      TEXT NOT NULL,
    PRIMARY KEY (source_id, location)
);

CREATE TABLE stories (
    id          TEXT PRIMARY KEY,
    headline    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- An article belongs to at most one story.
CREATE TABLE story_articles (
    story_id    TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id  TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    added_at    TEXT NOT NULL,
    PRIMARY KEY (story_id, article_id)
);

-- Claims extracted from an article's sentences, normalised for comparison.
CREATE TABLE claims (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    subject     TEXT NOT NULL,
    value       TEXT NOT NULL,
    surface     TEXT NOT NULL,
    sentence    TEXT NOT NULL,
    UNIQUE (article_id, kind, subject, value, sentence)
);
CREATE INDEX claims_article ON claims(article_id);
