-- A story folded into another (a merge repair) keeps its id here, pointing at the story that holds
-- its articles now, so story ids that chat messages already carry stay resolvable.
CREATE TABLE story_aliases (
    alias_id    TEXT PRIMARY KEY,
    story_id    TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL
);
CREATE INDEX story_aliases_story ON story_aliases(story_id);
