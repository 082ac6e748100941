package dev.parallax.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stories and which articles belong to them, with a numbered log of every change to that membership
 * (assignments, merges, moves) from which other instances' clustering catches up.
 */
public final class StoryStore {
    private final Database db;
    private final Clock clock;

    // A pass takes seconds; a holder this slow is stuck, and the waiting pass runs again at the next poll.
    private static final Duration CLUSTERING_WAIT = Duration.ofMinutes(5);
    // A pass renews as it goes, so only a holder stuck this long without progress loses the lock.
    private static final Duration CLUSTERING_LEASE = Duration.ofMinutes(2);

    public StoryStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Puts the article in the story, creating the story on first use; an article never moves twice.
     * Returns false, changing nothing, when the article already has a story.
     */
    public boolean assign(String storyId, String articleId) {
        return db.inTransaction(c -> {
            String now = Sql.time(clock.instant());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stories(id, created_at, updated_at)"
                    + " VALUES (?,?,?) ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at")) {
                ps.setString(1, storyId);
                ps.setString(2, now);
                ps.setString(3, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO story_articles(story_id, article_id,"
                    + " added_at) VALUES (?,?,?) ON CONFLICT(article_id) DO NOTHING")) {
                ps.setString(1, storyId);
                ps.setString(2, articleId);
                ps.setString(3, now);
                if (ps.executeUpdate() == 0) {
                    c.rollback(); // leaves no empty story behind, and the other story's time as it was
                    return false;
                }
            }
            logChange(c, "assign", storyId, null, articleId, now);
            return true;
        });
    }

    public void setHeadline(String storyId, String headline) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE stories SET headline = ? WHERE id = ?")) {
                ps.setString(1, headline);
                ps.setString(2, storyId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Story id of each of these articles that has one. */
    public Map<String, String> storiesOf(Collection<String> articleIds) {
        return db.read(c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT story_id FROM story_articles WHERE article_id = ?")) {
                for (String id : articleIds) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.put(id, rs.getString(1));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Article ids of a story, in the order they joined it. */
    public List<String> articleIds(String storyId) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT article_id FROM story_articles"
                    + " WHERE story_id = ? ORDER BY added_at, article_id")) {
                ps.setString(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** Stories that gained an article after the given time, oldest change first. */
    public List<String> changedSince(Instant since) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM stories WHERE updated_at > ? ORDER BY updated_at, id")) {
                ps.setString(1, Sql.time(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    public int count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM stories");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /**
     * Folds one story into another: its articles move, and its id becomes an alias of the other (as do
     * the ids that were aliases of it), so every id handed out before still resolves.
     */
    public void merge(String fromId, String intoId) {
        if (fromId.equals(intoId)) {
            throw new IllegalArgumentException("cannot merge story " + fromId + " into itself");
        }
        db.inTransaction(c -> {
            String now = Sql.time(clock.instant());
            ensureStory(c, intoId, now);
            ensureStory(c, fromId, now);
            update(c, "UPDATE story_articles SET story_id = ? WHERE story_id = ?", intoId, fromId);
            update(c, "UPDATE story_aliases SET story_id = ? WHERE story_id = ?", intoId, fromId);
            // A story merged back into one of its own aliases stops being an alias itself.
            update(c, "DELETE FROM story_aliases WHERE alias_id = ?", intoId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO story_aliases(alias_id, story_id, created_at)"
                    + " VALUES (?,?,?) ON CONFLICT(alias_id) DO UPDATE SET story_id = excluded.story_id")) {
                ps.setString(1, fromId);
                ps.setString(2, intoId);
                ps.setString(3, now);
                ps.executeUpdate();
            }
            update(c, "UPDATE stories SET updated_at = ? WHERE id = ?", now, intoId);
            logChange(c, "merge", intoId, fromId, null, now);
            return null;
        });
    }

    /** Moves these articles out of their story into a new (or existing) story: a split repair. */
    public void moveArticles(Collection<String> articleIds, String toStoryId) {
        db.inTransaction(c -> {
            String now = Sql.time(clock.instant());
            ensureStory(c, toStoryId, now);
            update(c, "DELETE FROM story_aliases WHERE alias_id = ?", toStoryId);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE story_articles SET story_id = ?, added_at = ? WHERE article_id = ?")) {
                for (String id : articleIds) {
                    ps.setString(1, toStoryId);
                    ps.setString(2, now);
                    ps.setString(3, id);
                    if (ps.executeUpdate() > 0) {
                        logChange(c, "move", toStoryId, null, id, now);
                    }
                }
            }
            update(c, "UPDATE stories SET updated_at = ? WHERE id = ?", now, toStoryId);
            return null;
        });
    }

    /** Ids of articles ingested at or after the given time that are in no story yet, oldest first. */
    public List<String> unassignedSince(Instant since) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id FROM articles a LEFT JOIN story_articles sa"
                    + " ON sa.article_id = a.id WHERE sa.article_id IS NULL AND a.ingested_at >= ?"
                    + " ORDER BY a.ingested_at, a.id")) {
                ps.setString(1, Sql.time(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** The story an id stands for now: itself, the story it was merged into, or empty if unknown. */
    public Optional<String> resolve(String storyId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT story_id FROM story_aliases WHERE alias_id = ?")) {
                ps.setString(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM stories WHERE id = ?")) {
                ps.setString(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(storyId) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * Holds the clustering lock: while held, no other instance changes story membership, which is
     * what makes the change log's numbers rise in commit order. Every writer of stories takes it.
     */
    public HeldLock lockForClustering() {
        return lockForClustering(CLUSTERING_WAIT);
    }

    /** The clustering lock, or a {@link StoreException} when another holder keeps it longer than {@code wait}. */
    public HeldLock lockForClustering(Duration wait) {
        return lockForClustering(wait, CLUSTERING_LEASE);
    }

    /** The clustering lock with its lease: on PostgreSQL it lapses after {@code lease} without a renewal. */
    public HeldLock lockForClustering(Duration wait, Duration lease) {
        return db.exclusive("clustering", wait, lease);
    }

    /** The number of the latest change to story membership, 0 before the first. */
    public long lastChange() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT max(seq) FROM cluster_changes");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        });
    }

    /** Forgets the logged changes made before {@code before}; returns how many. Stories themselves are kept. */
    public int pruneChanges(Instant before) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM cluster_changes WHERE made_at < ?")) {
                ps.setString(1, Sql.time(before));
                return ps.executeUpdate();
            }
        });
    }

    /** Changes to story membership numbered above {@code seq}, in the order they were made. */
    public List<StoryChange> changesAfter(long seq) {
        return db.read(c -> {
            List<StoryChange> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, kind, story_id, from_story_id, article_id"
                    + " FROM cluster_changes WHERE seq > ? ORDER BY seq")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(change(rs));
                    }
                }
            }
            return out;
        });
    }

    private static StoryChange change(ResultSet rs) throws java.sql.SQLException {
        long seq = rs.getLong(1);
        String story = rs.getString(3);
        return switch (rs.getString(2)) {
            case "assign" -> new StoryChange.Assigned(seq, rs.getString(5), story);
            case "merge" -> new StoryChange.Merged(seq, rs.getString(4), story);
            case "move" -> new StoryChange.Moved(seq, rs.getString(5), story);
            default -> throw new IllegalStateException("unknown cluster change kind " + rs.getString(2));
        };
    }

    private static void logChange(java.sql.Connection c, String kind, String storyId, String fromStoryId,
                                  String articleId, String now) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_changes(kind, story_id, from_story_id,"
                + " article_id, made_at) VALUES (?,?,?,?,?)")) {
            ps.setString(1, kind);
            ps.setString(2, storyId);
            ps.setString(3, fromStoryId);
            ps.setString(4, articleId);
            ps.setString(5, now);
            ps.executeUpdate();
        }
    }

    private static void ensureStory(java.sql.Connection c, String id, String now) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stories(id, created_at, updated_at)"
                + " VALUES (?,?,?) ON CONFLICT(id) DO NOTHING")) {
            ps.setString(1, id);
            ps.setString(2, now);
            ps.setString(3, now);
            ps.executeUpdate();
        }
    }

    private static void update(java.sql.Connection c, String sql, String... args) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
