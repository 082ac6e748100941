package dev.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parallax.model.Article;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    @DisplayName("opening applies the migrations, in WAL mode with foreign keys enforced")
    void migrationsWalForeignKeys() throws Exception {
        Database db = Database.open(dir.resolve("sub/parallax.db"));

        try (var c = db.connection(); Statement st = c.createStatement()) {
            assertThat(string(st, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(string(st, "PRAGMA foreign_keys")).isEqualTo("1");
            assertThat(string(st, "SELECT count(*) FROM flyway_schema_history WHERE success = 1")).isNotEqualTo("0");
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO story_articles(story_id, article_id, added_at)"
                    + " VALUES ('nope', 'nope', 'now')")).hasMessageContaining("FOREIGN KEY");
        }
        // Opening again is a no-op for the schema.
        Database.open(dir.resolve("sub/parallax.db"));
    }

    @Test
    @DisplayName("the same text stored twice is one article; a changed text under a taken id gets a new id")
    void contentHashIsUnique() {
        Database db = Database.open(dir.resolve("parallax.db"));
        ArticleStore articles = new ArticleStore(db, CLOCK);
        long source = new SourceStore(db, CLOCK).ensure("folder", "/in", "in");
        Article a = new Article("a1", "Outlet", "Title", "", null, "Body text.");

        var first = articles.insert(a, source, "hash-1", "/in/a1.txt");
        var again = articles.insert(a, source, "hash-1", "/in/a1.txt");
        var edited = articles.insert(a, source, "hash-2abcdef", "/in/a1.txt");

        assertThat(first).isInstanceOf(ArticleStore.InsertOutcome.Inserted.class);
        assertThat(again).isEqualTo(new ArticleStore.InsertOutcome.AlreadyStored("a1"));
        assertThat(edited.articleId()).isEqualTo("a1~hash-2");
        assertThat(articles.count()).isEqualTo(2);
    }

    @Test
    @DisplayName("claims are replaced whole per article and read back in order")
    void claimsRoundTrip() {
        Database db = Database.open(dir.resolve("parallax.db"));
        ArticleStore articles = new ArticleStore(db, CLOCK);
        long source = new SourceStore(db, CLOCK).ensure("folder", "/in", "in");
        articles.insert(new Article("a1", "", "", "", null, "x"), source, "h", "/in/a1");
        ClaimStore claims = new ClaimStore(db);
        StoredClaim old = new StoredClaim("a1", "WEEKDAY", "day|arriv|putin", "Monday", "Monday", "s1");
        StoredClaim now = new StoredClaim("a1", "WEEKDAY", "day|arriv|putin", "Sunday", "Sunday", "s2");

        claims.replace("a1", List.of(old));
        claims.replace("a1", List.of(now));

        assertThat(claims.forArticles(List.of("a1"))).containsExactly(now);
    }

    private static String string(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
