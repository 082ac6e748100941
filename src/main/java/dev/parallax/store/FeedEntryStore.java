package dev.parallax.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The feed entries already read, per source, and which article each became. */
public final class FeedEntryStore {
    private final Database db;
    private final Clock clock;

    public FeedEntryStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A read entry: the article it became, or empty when nothing was kept. */
    public record Seen(Optional<String> articleId) {
    }

    /** Which of these entry keys this source has shown before. */
    public Map<String, Seen> seen(long sourceId, Collection<String> keys) {
        return db.read(c -> {
            Map<String, Seen> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT e.article_id, a.id FROM feed_entries e"
                    + " LEFT JOIN articles a ON a.id = e.article_id WHERE e.source_id = ? AND e.entry_key = ?")) {
                for (String key : keys) {
                    ps.setLong(1, sourceId);
                    ps.setString(2, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.put(key, new Seen(Optional.ofNullable(rs.getString(2))));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** The article some source already stored for this canonical URL, if any. */
    public Optional<String> articleAt(String canonicalUrl) {
        if (canonicalUrl == null || canonicalUrl.isEmpty()) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.article_id FROM feed_entries e"
                    + " JOIN articles a ON a.id = e.article_id WHERE e.canonical_url = ?"
                    + " ORDER BY e.first_seen_at LIMIT 1")) {
                ps.setString(1, canonicalUrl);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Records that the source showed this entry and what became of it (articleId may be null). */
    public void record(long sourceId, String key, String canonicalUrl, String articleId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO feed_entries(source_id, entry_key,"
                    + " canonical_url, article_id, first_seen_at) VALUES (?,?,?,?,?) ON CONFLICT(source_id, entry_key)"
                    + " DO UPDATE SET canonical_url = excluded.canonical_url, article_id = excluded.article_id")) {
                ps.setLong(1, sourceId);
                ps.setString(2, key);
                ps.setString(3, canonicalUrl == null || canonicalUrl.isEmpty() ? null : canonicalUrl);
                ps.setString(4, articleId);
                ps.setString(5, Sql.time(clock.instant()));
                ps.executeUpdate();
            }
            return null;
        });
    }
}
