package dev.parallax.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Full-text search as the database offers it: FTS5 on SQLite, tsvector on PostgreSQL. */
interface TextSearch {
    /** A matching article or headline; lower scores are better; {@code snippet} null when not computed yet. */
    record Match(String storyId, String articleId, double score, String snippet) {
    }

    /** Articles in a story that match, best first. */
    List<Match> articles(Connection c, SearchTerms terms, SearchTerms.Mode mode, int limit) throws SQLException;

    /** Stories whose headline matches, best first ({@code articleId} null). */
    List<Match> headlines(Connection c, SearchTerms terms, SearchTerms.Mode mode, int limit) throws SQLException;

    /** A short passage of the article around the words. */
    String snippet(Connection c, String articleId, SearchTerms terms, SearchTerms.Mode mode) throws SQLException;
}
