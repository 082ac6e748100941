package dev.parallax.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQLite FTS5 (see sqlite/V5): bm25 with the title weighted 4, the outlet 2 and the body 1, and
 * FTS5's own snippets. Every word is quoted, so it is only ever a word to FTS5.
 */
final class Fts5Search implements TextSearch {
    @Override
    public List<Match> articles(Connection c, SearchTerms terms, SearchTerms.Mode mode, int limit)
            throws SQLException {
        // bm25 weights per column: id (not indexed), title, outlet, body. Lower scores are better.
        try (PreparedStatement ps = c.prepareStatement("SELECT sa.story_id, article_search.article_id,"
                + " bm25(article_search, 0, 4.0, 2.0, 1.0), snippet(article_search, -1, '', '', '…', 16)"
                + " FROM article_search JOIN story_articles sa ON sa.article_id = article_search.article_id"
                + " WHERE article_search MATCH ? ORDER BY 3 LIMIT ?")) {
            ps.setString(1, match(terms, mode));
            ps.setInt(2, limit);
            return read(ps);
        }
    }

    @Override
    public List<Match> headlines(Connection c, SearchTerms terms, SearchTerms.Mode mode, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT story_id, NULL, bm25(story_search, 0, 1.0), NULL"
                + " FROM story_search WHERE story_search MATCH ? ORDER BY 3 LIMIT ?")) {
            ps.setString(1, match(terms, mode));
            ps.setInt(2, limit);
            return read(ps);
        }
    }

    @Override
    public String snippet(Connection c, String articleId, SearchTerms terms, SearchTerms.Mode mode)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT snippet(article_search, -1, '', '', '…', 16)"
                + " FROM article_search WHERE article_search MATCH ? AND article_id = ?")) {
            ps.setString(1, match(terms, mode));
            ps.setString(2, articleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    /** The words as an FTS5 query. */
    static String match(SearchTerms terms, SearchTerms.Mode mode) {
        String all = terms.terms().stream().map(t -> '"' + t + '"').collect(Collectors.joining(" "));
        return switch (mode) {
            case ALL -> all;
            case ANY -> terms.terms().stream().map(t -> '"' + t + '"').collect(Collectors.joining(" OR "));
            case ALL_TYPING -> all + "*";
        };
    }

    private static List<Match> read(PreparedStatement ps) throws SQLException {
        List<Match> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Match(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getString(4)));
            }
        }
        return out;
    }
}
