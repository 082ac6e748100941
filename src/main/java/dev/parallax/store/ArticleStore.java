package dev.parallax.store;

import dev.parallax.model.Article;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Articles and their sightings. The content hash is unique, so storing the same text twice is a no-op. */
public final class ArticleStore {
    private static final String COLUMNS = "a.id, a.outlet, a.title, a.url, a.published_at, a.body";

    private final Database db;
    private final Clock clock;

    public ArticleStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Outcome of {@link #insert}: the article is new, or its exact text was already stored. */
    public sealed interface InsertOutcome {
        String articleId();

        record Inserted(String articleId) implements InsertOutcome {
        }

        record AlreadyStored(String articleId) implements InsertOutcome {
        }
    }

    /**
     * Stores the article unless its content hash is known. A taken id gets a hash suffix so that an
     * edited file becomes a new article instead of overwriting the one chat messages point to.
     */
    public InsertOutcome insert(Article article, long sourceId, String contentHash, String location) {
        return db.inTransaction(c -> {
            Optional<String> known = idByHash(c, contentHash);
            if (known.isPresent()) {
                addSighting(c, known.get(), sourceId, location, contentHash);
                return new InsertOutcome.AlreadyStored(known.get());
            }
            String id = exists(c, article.id()) ? suffixed(article, contentHash) : article.id();
            if (insertRow(c, id, article, sourceId, contentHash) == 0) {
                // Another instance stored the same text, or took the id, since we looked.
                Optional<String> stored = idByHash(c, contentHash);
                if (stored.isPresent()) {
                    addSighting(c, stored.get(), sourceId, location, contentHash);
                    return new InsertOutcome.AlreadyStored(stored.get());
                }
                id = suffixed(article, contentHash);
                if (insertRow(c, id, article, sourceId, contentHash) == 0) {
                    throw new SQLException("article id " + id + " is taken");
                }
            }
            addSighting(c, id, sourceId, location, contentHash);
            return new InsertOutcome.Inserted(id);
        });
    }

    // PostgreSQL text cannot hold NUL characters (SQLite can); they carry nothing, so neither store keeps them.
    private int insertRow(Connection c, String id, Article article, long sourceId, String contentHash)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO articles(id, source_id, outlet, title, url,"
                + " published_at, body, content_hash, ingested_at) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, id);
            ps.setLong(2, sourceId);
            ps.setString(3, noNul(article.source()));
            ps.setString(4, noNul(article.title()));
            ps.setString(5, noNul(article.url()));
            ps.setString(6, Sql.time(article.published()));
            ps.setString(7, noNul(article.body()));
            ps.setString(8, contentHash);
            ps.setString(9, Sql.time(clock.instant()));
            return ps.executeUpdate();
        }
    }

    private static String suffixed(Article article, String contentHash) {
        return article.id() + "~" + contentHash.substring(0, Math.min(6, contentHash.length()));
    }

    private static String noNul(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    /** Records that a near-duplicate copy of an existing article was seen at this location. */
    public void recordSighting(String articleId, long sourceId, String location, String contentHash) {
        db.inTransaction(c -> {
            addSighting(c, articleId, sourceId, location, contentHash);
            return null;
        });
    }

    /** The article already stored for this location with this exact content, if any. */
    public Optional<String> sightingAt(long sourceId, String location, String contentHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT article_id FROM article_sightings"
                    + " WHERE source_id = ? AND location = ? AND content_hash = ?")) {
                ps.setLong(1, sourceId);
                ps.setString(2, location);
                ps.setString(3, contentHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public Optional<Article> find(String id) {
        List<Article> found = byIds(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The articles with these ids, in the order given; unknown ids are skipped. */
    public List<Article> byIds(Collection<String> ids) {
        return db.read(c -> {
            List<Article> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM articles a WHERE a.id = ?")) {
                for (String id : ids) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.add(read(rs));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Articles ingested at or after the given time, oldest first: the clustering working set. */
    public List<Article> ingestedSince(Instant since) {
        return db.read(c -> {
            List<Article> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM articles a WHERE a.ingested_at >= ? ORDER BY a.ingested_at, a.id")) {
                ps.setString(1, Sql.time(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    public int count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM articles");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static Optional<String> idByHash(Connection c, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM articles WHERE content_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM articles WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void addSighting(Connection c, String articleId, long sourceId, String location, String hash)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO article_sightings(article_id, source_id,"
                + " location, content_hash, seen_at) VALUES (?,?,?,?,?) ON CONFLICT(source_id, location) DO UPDATE"
                + " SET article_id = excluded.article_id, content_hash = excluded.content_hash,"
                + " seen_at = excluded.seen_at")) {
            ps.setString(1, articleId);
            ps.setLong(2, sourceId);
            ps.setString(3, location);
            ps.setString(4, hash);
            ps.setString(5, Sql.time(clock.instant()));
            ps.executeUpdate();
        }
    }

    private static Article read(ResultSet rs) throws SQLException {
        return new Article(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Sql.instant(rs.getString(5)), rs.getString(6));
    }
}
