package dev.parallax.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL full-text search over the generated tsvector columns (see postgresql/V5): English
 * stemming, ts_rank with the title weighted 4, the outlet 2 and the body 1 (scores negated, so
 * that lower is better as with bm25), and ts_headline passages computed only for the hits shown.
 */
final class TsvectorSearch implements TextSearch {
    // ts_rank's weights (each at most 1) run {D, C, B, A}: body C, outlet B, title A, as 1 : 2 : 4.
    // Flag 1 divides by 1 + log(length), so a long article does not win by length alone.
    private static final String WEIGHTS = "'{0.05, 0.25, 0.5, 1.0}'";
    private static final String HEADLINE_OPTIONS =
            "StartSel=\"\", StopSel=\"\", MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=\" … \"";

    @Override
    public List<Match> articles(Connection c, SearchTerms terms, SearchTerms.Mode mode, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sa.story_id, a.id, -ts_rank(" + WEIGHTS
                + ", a.search, q, 1) AS score FROM to_tsquery('english', ?) q, articles a"
                + " JOIN story_articles sa ON sa.article_id = a.id"
                + " WHERE a.search @@ q ORDER BY score, a.id LIMIT ?")) {
            ps.setString(1, query(terms, mode));
            ps.setInt(2, limit);
            return read(ps);
        }
    }

    @Override
    public List<Match> headlines(Connection c, SearchTerms terms, SearchTerms.Mode mode, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT s.id, NULL, -ts_rank(s.search, q, 1) AS score"
                + " FROM to_tsquery('english', ?) q, stories s WHERE s.search @@ q ORDER BY score, s.id LIMIT ?")) {
            ps.setString(1, query(terms, mode));
            ps.setInt(2, limit);
            return read(ps);
        }
    }

    @Override
    public String snippet(Connection c, String articleId, SearchTerms terms, SearchTerms.Mode mode)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ts_headline('english', left(body, 100000),"
                + " to_tsquery('english', ?), '" + HEADLINE_OPTIONS + "') FROM articles WHERE id = ?")) {
            ps.setString(1, query(terms, mode));
            ps.setString(2, articleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? "…" + rs.getString(1).strip() + "…" : "";
            }
        }
    }

    /** The words as a tsquery: they hold only letters and digits, so none can be an operator. */
    static String query(SearchTerms terms, SearchTerms.Mode mode) {
        return switch (mode) {
            case ALL -> String.join(" & ", terms.terms());
            case ANY -> String.join(" | ", terms.terms());
            case ALL_TYPING -> String.join(" & ", terms.terms()) + ":*";
        };
    }

    private static List<Match> read(PreparedStatement ps) throws SQLException {
        List<Match> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Match(rs.getString(1), rs.getString(2), rs.getDouble(3), null));
            }
        }
        return out;
    }
}
