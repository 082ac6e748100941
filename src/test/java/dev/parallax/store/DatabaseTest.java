package dev.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parallax.model.Article;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DatabaseTest extends StoreContract {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    @DisplayName("opening applies every migration once, with foreign keys enforced; opening again changes nothing")
    void migrationsAndForeignKeys() throws Exception {
        Database db = db();

        int applied;
        try (var c = db.connection(); Statement st = c.createStatement()) {
            applied = number(st, "SELECT count(*) FROM flyway_schema_history WHERE success = true AND version IS NOT NULL");
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO story_articles(story_id, article_id, added_at)"
                    + " VALUES ('nope', 'nope', 'now')")).isInstanceOf(SQLException.class)
                    .hasMessageContaining(kind == DatabaseFixture.Kind.SQLITE ? "FOREIGN KEY" : "foreign key");
        }
        Database again = databases.open();

        // V1..V6 and V8 everywhere; V7 (Quartz's tables) only where several instances share the database.
        assertThat(applied).isEqualTo(db.shared() ? 8 : 7);
        try (var c = again.connection(); Statement st = c.createStatement()) {
            assertThat(number(st, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(applied);
        }
    }

    @Test
    @DisplayName("the same text stored twice is one article; a changed text under a taken id gets a new id")
    void contentHashIsUnique() {
        Database db = db();
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
        Database db = withArticleA1();
        ClaimStore claims = new ClaimStore(db);
        StoredClaim old = new StoredClaim("a1", "WEEKDAY", "day|arriv|putin", "Monday", "Monday", "s1");
        StoredClaim now = new StoredClaim("a1", "WEEKDAY", "day|arriv|putin", "Sunday", "Sunday", "s2");

        claims.replace("a1", List.of(old));
        claims.replace("a1", List.of(now));

        assertThat(claims.forArticles(List.of("a1"))).containsExactly(now);
    }

    @Test
    @DisplayName("a claim in a very long sentence is stored once, however often it is given")
    void longSentenceClaimIsStoredOnce() {
        Database db = withArticleA1();
        String sentence = "The delegation, which arrived on Sunday, ".repeat(200) + "met the president.";
        StoredClaim claim = new StoredClaim("a1", "WEEKDAY", "day|arriv|deleg", "Sunday", "Sunday", sentence);

        new ClaimStore(db).replace("a1", List.of(claim, claim));

        assertThat(sentence.length()).isGreaterThan(8_000);
        assertThat(new ClaimStore(db).forArticles(List.of("a1"))).containsExactly(claim);
    }

    @Test
    @DisplayName("an article's text keeps everything but NUL characters, which PostgreSQL cannot store")
    void nulCharactersAreDropped() {
        Database db = db();
        ArticleStore articles = new ArticleStore(db, CLOCK);
        long source = new SourceStore(db, CLOCK).ensure("feed", "https://example.org/feed", "feed");

        articles.insert(new Article("a1", "Out\0let", "Ti\0tle", "", null, "Body\0 text é."), source, "h1", "x");

        Article stored = articles.find("a1").orElseThrow();
        assertThat(stored.source()).isEqualTo("Outlet");
        assertThat(stored.title()).isEqualTo("Title");
        assertThat(stored.body()).isEqualTo("Body text é.");
    }

    /** This test's database with one stored article, "a1", for claims to belong to. */
    private Database withArticleA1() {
        Database db = db();
        long source = new SourceStore(db, CLOCK).ensure("folder", "/in", "in");
        new ArticleStore(db, CLOCK).insert(new Article("a1", "", "", "", null, "x"), source, "h", "/in/a1");
        return db;
    }

    private static int number(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
