-- PostgreSQL twin of sqlite/V8__cluster_changes.sql; only the generated sequence differs. Values are
-- taken in commit order because every writer holds the clustering lock (see StoryStore).
CREATE TABLE cluster_changes (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           TEXT NOT NULL,                 -- assign, merge, move
    story_id       TEXT NOT NULL,                 -- the story the articles are in after the change
    from_story_id  TEXT,                          -- merge: the story folded into story_id
    article_id     TEXT,                          -- assign, move: the article
    made_at        TEXT NOT NULL
);
