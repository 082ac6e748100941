-- Full-text search (SQLite FTS5) over articles and story headlines, best match first by bm25.
-- The index keeps its own copy of the text, keyed by our ids: articles and stories have TEXT keys,
-- and their implicit rowids may be renumbered by VACUUM, which would corrupt an external-content index.
CREATE VIRTUAL TABLE article_search USING fts5(
    article_id UNINDEXED, title, outlet, body,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO article_search(article_id, title, outlet, body) SELECT id, title, outlet, body FROM articles;

CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_search(article_id, title, outlet, body) VALUES (new.id, new.title, new.outlet, new.body);
END;

CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_search WHERE article_id = old.id;
END;

CREATE TRIGGER article_search_update AFTER UPDATE OF title, outlet, body ON articles BEGIN
    DELETE FROM article_search WHERE article_id = old.id;
    INSERT INTO article_search(article_id, title, outlet, body) VALUES (new.id, new.title, new.outlet, new.body);
END;

CREATE VIRTUAL TABLE story_search USING fts5(
    story_id UNINDEXED, headline,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO story_search(story_id, headline) SELECT id, headline FROM stories WHERE headline <> '';

CREATE TRIGGER story_search_insert AFTER INSERT ON stories WHEN new.headline <> '' BEGIN
    INSERT INTO story_search(story_id, headline) VALUES (new.id, new.headline);
END;

-- Digests rewrite every headline they build; only a changed one touches the index.
CREATE TRIGGER story_search_update AFTER UPDATE OF headline ON stories WHEN new.headline IS NOT old.headline BEGIN
    DELETE FROM story_search WHERE story_id = old.id;
    INSERT INTO story_search(story_id, headline) SELECT new.id, new.headline WHERE new.headline <> '';
END;

CREATE TRIGGER story_search_delete AFTER DELETE ON stories BEGIN
    DELETE FROM story_search WHERE story_id = old.id;
END;

-- Which sources (feeds) each channel subscribed to with the chat commands.
CREATE TABLE channel_sources (
    channel_id  TEXT    NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    added_by    TEXT    NOT NULL DEFAULT '',
    added_at    TEXT    NOT NULL,
    PRIMARY KEY (channel_id, source_id)
);
CREATE INDEX channel_sources_source ON channel_sources(source_id);
