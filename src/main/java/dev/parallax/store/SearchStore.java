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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds stories: by id, and by words over story headlines and their articles' titles, outlets and
 * text (FTS5 on SQLite, tsvector on PostgreSQL: see {@link TextSearch}), best match first. A story
 * scores by its best-matching article, with a bonus when its headline matches too.
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
        SearchTerms terms = SearchTerms.of(words);
        if (terms.isEmpty() || limit <= 0) {
            return List.of();
        }
        return db.read(c -> {
            List<Hit> hits = ranked(c, terms, SearchTerms.Mode.ALL, limit);
            if (hits.isEmpty() && terms.size() > 1) {
                hits = ranked(c, terms, SearchTerms.Mode.ANY, limit);
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
                    + " FROM stories s WHERE lower(s.id) LIKE ? ESCAPE '\\' ORDER BY s.id LIMIT ?")) {
                String typedId = text.toLowerCase(Locale.ROOT);
                ps.setString(1, typedId.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                ps.setInt(2, limit);
                collect(ps, out);
            }
            SearchTerms terms = SearchTerms.of(text);
            if (out.size() < limit && !terms.isEmpty()) {
                for (Hit hit : ranked(c, terms, SearchTerms.Mode.ALL_TYPING, limit)) {
                    out.putIfAbsent(hit.story().id(), hit.story());
                }
            }
            return out.values().stream().limit(limit).toList();
        });
    }

    private List<Hit> ranked(Connection c, SearchTerms terms, SearchTerms.Mode mode, int limit) throws SQLException {
        TextSearch text = db.dialect().search();
        Map<String, Double> score = new HashMap<>();
        Map<String, TextSearch.Match> bestArticle = new HashMap<>();
        for (TextSearch.Match m : text.articles(c, terms, mode, CANDIDATES)) {
            if (!score.containsKey(m.storyId())) {
                score.put(m.storyId(), m.score());
                bestArticle.put(m.storyId(), m);
            }
        }
        for (TextSearch.Match m : text.headlines(c, terms, mode, CANDIDATES)) {
            score.merge(m.storyId(), m.score(), Double::sum);
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
                        hits.add(new Hit(storyRow(rs), snippet(c, text, bestArticle.get(id), terms, mode)));
                    }
                }
            }
        }
        return hits;
    }

    // Only the hits shown need a passage; a story found by its headline alone has none.
    private static String snippet(Connection c, TextSearch text, TextSearch.Match article, SearchTerms terms,
                                  SearchTerms.Mode mode) throws SQLException {
        if (article == null) {
            return "";
        }
        return article.snippet() != null ? article.snippet() : text.snippet(c, article.articleId(), terms, mode);
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
