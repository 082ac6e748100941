-- Every change to story membership (an assignment, a merge, a move), in the order made, so each
-- instance's in-memory clustering can replay what the others did since it last looked. AUTOINCREMENT
-- keeps the sequence rising even after old rows are deleted. (V7 is Quartz's tables, on PostgreSQL only.)
CREATE TABLE cluster_changes (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    kind           TEXT NOT NULL,                 -- assign, merge, move
    story_id       TEXT NOT NULL,                 -- the story the articles are in after the change
    from_story_id  TEXT,                          -- merge: the story folded into story_id
    article_id     TEXT,                          -- assign, move: the article
    made_at        TEXT NOT NULL
);
