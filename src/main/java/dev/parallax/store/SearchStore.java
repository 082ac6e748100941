package dev.parallax.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds stories: by id, and by words over story headlines and their articles' titles, outlets and
 * text (SQLite FTS5, bm25), best match first. A story scores by its best-matching article, with a
 * bonus when its headline matches too.
 */
public final class SearchStore {
    private static final int CANDIDATES = 500;
    private static final String STORY_COLUMNS = "s.id, s.headline, s.updated_at,"
            + " (SELECT count(*) FROM story_articles sa WHERE sa.story_id = s.id),"
            + " (SELECT a.title FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
            + "   WHERE sa.story_id = s.id ORDER BY sa.added_at, sa.article_id LIMIT 1)";

    private final Database db;

    public SearchStore(Database db) {
        this.db = db;
    }

    /** A story as lists show it; {@code headline} falls back to its first article's title. */
    public record StoryRow(String id, String headline, int outlets, Instant updatedAt) {
    }

    /** A search result: the story and a short passage of the article that matched best. */
    public record Hit(StoryRow story, String snippet) {
    }

    public Optional<StoryRow> story(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + STORY_COLUMNS + " FROM stories s WHERE s.id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(storyRow(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Stories matching all the words, or failing that any of them, best first. */
    public List<Hit> search(String words, int limit) {
        FtsQuery query = FtsQuery.of(words);
        if (query.isEmpty() || limit <= 0) {
            return List.of();
        }
        return db.read(c -> {
            List<Hit> hits = ranked(c, query.allOf(), limit);
            if (hits.isEmpty() && query.size() > 1) {
                hits = ranked(c, query.anyOf(), limit);
            }
            return hits;
        });
    }

    /** Stories whose id starts with what was typed, then stories matching the words typed so far. */
    public List<StoryRow> suggest(String typed, int limit) {
        String text = typed == null ? "" : typed.strip();
        return db.read(c -> {
            Map<String, StoryRow> out = new LinkedHashMap<>();
            if (text.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + STORY_COLUMNS
                        + " FROM stories s ORDER BY s.updated_at DESC, s.id LIMIT ?")) {
                    ps.setInt(1, limit);
                    collect(ps, out);
                }
                return List.copyOf(out.values());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + STORY_COLUMNS
                    + " FROM stories s WHERE s.id LIKE ? ESCAPE '\\' ORDER BY s.id LIMIT ?")) {
                ps.setString(1, text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                ps.setInt(2, limit);
                collect(ps, out);
            }
            FtsQuery query = FtsQuery.of(text);
            if (out.size() < limit && !query.isEmpty()) {
                for (Hit hit : ranked(c, query.allOfTyping(), limit)) {
                    out.putIfAbsent(hit.story().id(), hit.story());
                }
            }
            return out.values().stream().limit(limit).toList();
        });
    }

    private List<Hit> ranked(Connection c, String match, int limit) throws SQLException {
        Map<String, Double> score = new HashMap<>();
        Map<String, String> snippet = new HashMap<>();
        // bm25 weights per column: id (not indexed), title, outlet, body. Lower scores are better.
        try (PreparedStatement ps = c.prepareStatement("SELECT sa.story_id, bm25(article_search, 0, 4.0, 2.0, 1.0),"
                + " snippet(article_search, -1, '', '', '…', 16) FROM article_search"
                + " JOIN story_articles sa ON sa.article_id = article_search.article_id"
                + " WHERE article_search MATCH ? ORDER BY 2 LIMIT ?")) {
            ps.setString(1, match);
            ps.setInt(2, CANDIDATES);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String story = rs.getString(1);
                    if (!score.containsKey(story)) {
                        score.put(story, rs.getDouble(2));
                        snippet.put(story, rs.getString(3));
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT story_id, bm25(story_search, 0, 1.0) FROM story_search"
                + " WHERE story_search MATCH ? ORDER BY 2 LIMIT ?")) {
            ps.setString(1, match);
            ps.setInt(2, CANDIDATES);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    score.merge(rs.getString(1), rs.getDouble(2), Double::sum);
                }
            }
        }
        List<String> best = score.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        List<Hit> hits = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + STORY_COLUMNS + " FROM stories s WHERE s.id = ?")) {
            for (String id : best) {
                if (hits.size() == limit) {
                    break;
                }
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        hits.add(new Hit(storyRow(rs), snippet.getOrDefault(id, "")));
                    }
                }
            }
        }
        return hits;
    }

    private static void collect(PreparedStatement ps, Map<String, StoryRow> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                StoryRow row = storyRow(rs);
                out.putIfAbsent(row.id(), row);
            }
        }
    }

    private static StoryRow storyRow(ResultSet rs) throws SQLException {
        String headline = rs.getString(2);
        if (headline == null || headline.isBlank()) {
            headline = rs.getString(5) == null ? "" : rs.getString(5);
        }
        return new StoryRow(rs.getString(1), headline, rs.getInt(4), Sql.instant(rs.getString(3)));
    }
}
