package dev.parallax.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.MutableClock;
import dev.parallax.ingest.LocalSite.Answer;
import dev.parallax.ingest.http.AddressGuard;
import dev.parallax.ingest.http.FetchSettings;
import dev.parallax.ingest.http.HttpFetcher;
import dev.parallax.model.Article;
import dev.parallax.store.ArticleStore;
import dev.parallax.store.Database;
import dev.parallax.store.FeedEntryStore;
import dev.parallax.store.SourcePoll;
import dev.parallax.store.SourcePollStore;
import dev.parallax.store.SourceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds and pages over real HTTP (127.0.0.1), stored in a real SQLite file, polled on a hand-moved clock. */
class WebSourcesTest {
    private static final String STORY = SamplePages.HARBOUR_STORY;

    @TempDir
    Path dir;

    private LocalSite site;
    private MutableClock clock;
    private Database db;
    private ArticleStore articles;
    private WebIngestService web;
    private SourceRegistry registry;
    private SourcePollService polls;
    private final List<List<String>> handedToClustering = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        site = new LocalSite();
        clock = new MutableClock(Instant.parse("2025-09-01T08:00:00Z"));
        db = Database.open(dir.resolve("parallax.db"));
        articles = new ArticleStore(db, clock);
        // Every outlet here is one loopback host, so the politeness delay is off (HttpFetcherTest covers it).
        FeedSettings settings = new FeedSettings(Duration.ofMinutes(15), Duration.ofHours(6), 3, 30, Duration.ofDays(7),
                true, FetchSettings.defaults().withAllow(List.of("127.0.0.1/32")).withMinHostInterval(Duration.ZERO));
        AddressGuard guard = AddressGuard.withSystemResolver(settings.fetch().allow());
        web = new WebIngestService(new HttpFetcher(settings.fetch(), guard, clock), new ArticleIntake(articles, clock),
                new SourceStore(db, clock), new FeedEntryStore(db, clock), settings, clock);
        SourcePollStore store = new SourcePollStore(db, clock);
        registry = new SourceRegistry(store, web, guard, settings, FeedDiscovery.NONE);
        polls = new SourcePollService(store, web, PollPolicy.from(settings), 4, handedToClustering::add, clock);
    }

    @AfterEach
    void tearDown() {
        site.close();
        db.close();
    }

    private String rss(String title, String... items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + title + "</title><link>"
                + site.url("/") + "</link>" + String.join("", items) + "</channel></rss>";
    }

    private String item(String guid, String path, String title, String description) {
        return "<item><guid>" + guid + "</guid><link>" + site.url(path) + "</link><title>" + title + "</title>"
                + "<pubDate>Mon, 01 Sep 2025 07:00:00 GMT</pubDate><description>" + description + "</description></item>";
    }

    private String page(String outlet, String canonicalPath, String body) {
        return "<html><head><title>Storm closes port</title><meta property=\"og:site_name\" content=\"" + outlet
                + "\"><link rel=\"canonical\" href=\"" + site.url(canonicalPath) + "\"></head><body><nav>Home News"
                + "</nav><article><h1>Storm closes port</h1>" + body + "</article></body></html>";
    }

    private void serveAlpha() {
        String feed = rss("Alpha Feed",
                item("alpha-1", "/a/1.html?utm_source=rss", "Storm closes port", "Teaser."),
                item("alpha-2", "/a/2.html", "Ferry strike ends",
                        "Ferry workers accepted the new contract on Sunday after three days of talks, the union said."));
        site.on("/a/feed.xml", req -> "\"alpha-v1\"".equals(req.header("If-None-Match"))
                ? Answer.status(304, Map.of("ETag", "\"alpha-v1\""))
                : Answer.ok("application/rss+xml", feed).withHeader("ETag", "\"alpha-v1\""));
        site.on("/a/1.html", Answer.ok("text/html; charset=utf-8", page("Alpha News", "/a/1.html", STORY)));
    }

    private long add(String path) {
        SourceRegistry.AddOutcome added = registry.add(site.url(path).toString(), Optional.empty());
        assertThat(added).isInstanceOf(SourceRegistry.AddOutcome.Added.class);
        return ((SourceRegistry.AddOutcome.Added) added).source().id();
    }

    @Test
    @DisplayName("a poll reads the feed's article pages, falls back to the feed text for a missing page,"
            + " and hands the new articles to clustering")
    void pollStoresArticles() {
        serveAlpha();
        long alpha = add("/a/feed.xml");

        PollReport report = polls.pollCycle();

        assertThat(report.due()).isEqualTo(1);
        assertThat(report.articlesAdded()).isEqualTo(2);
        List<Article> stored = articles.byIds(report.newArticleIds());
        Article fromPage = stored.get(0);
        assertThat(fromPage.source()).isEqualTo("Alpha News");
        assertThat(fromPage.url()).isEqualTo(site.url("/a/1.html").toString());
        assertThat(fromPage.body()).startsWith("The harbour authority closed").doesNotContain("Home News");
        assertThat(fromPage.published()).isEqualTo(Instant.parse("2025-09-01T07:00:00Z"));
        assertThat(stored.get(1).body()).isEqualTo(
                "Ferry workers accepted the new contract on Sunday after three days of talks, the union said.");
        assertThat(handedToClustering).containsExactly(report.newArticleIds());
        SourcePoll state = registry.list().get(0);
        assertThat(state.id()).isEqualTo(alpha);
        assertThat(state.name()).isEqualTo("Alpha Feed");
        assertThat(state.etag()).isEqualTo("\"alpha-v1\"");
        assertThat(state.nextDue()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(site.requests().get(0).header("User-Agent")).startsWith("ParallaxBot/");
    }

    @Test
    @DisplayName("the next poll is a conditional GET: 304, no page is fetched again, nothing new; not due, not polled")
    void conditionalPoll() {
        serveAlpha();
        add("/a/feed.xml");
        polls.pollCycle();
        int pageFetches = site.requestsTo("/a/1.html").size();

        PollReport early = polls.pollCycle();
        clock.advance(Duration.ofMinutes(16));
        PollReport later = polls.pollCycle();

        assertThat(early.due()).isZero();
        assertThat(later.notModified()).isEqualTo(1);
        assertThat(later.articlesAdded()).isZero();
        assertThat(site.requestsTo("/a/feed.xml")).hasSize(2);
        assertThat(site.requestsTo("/a/feed.xml").get(1).header("If-None-Match")).isEqualTo("\"alpha-v1\"");
        assertThat(site.requestsTo("/a/1.html")).hasSize(pageFetches);
        assertThat(registry.list().get(0).lastStatus()).isEqualTo("not_modified");
    }

    @Test
    @DisplayName("the same story through two feeds is one article with two sightings: by canonical URL, or by text")
    void sameStoryTwoFeeds() throws SQLException {
        serveAlpha();
        // Beta links the same article with other tracking parameters, and carries a wire copy at its own URL.
        site.on("/b/feed.xml", Answer.ok("application/rss+xml", rss("Beta Feed",
                item("beta-1", "/a/1.html?utm_campaign=beta&fbclid=9", "Storm shuts port", "Teaser."),
                item("beta-2", "/b/wire.html", "Port closed by storm", "Teaser."))));
        site.on("/b/wire.html", Answer.ok("text/html", page("Beta Daily", "/b/wire.html", STORY
                + "<p>Reporting by the wire service.</p>")));
        add("/a/feed.xml");
        add("/b/feed.xml");

        PollReport report = polls.pollCycle();

        assertThat(report.articlesAdded()).isEqualTo(2); // the story once, the ferry item once
        assertThat(report.duplicates()).isEqualTo(2);
        assertThat(articles.count()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM article_sightings WHERE article_id = (SELECT article_id FROM feed_entries"
                + " WHERE entry_key = 'alpha-1')")).isEqualTo(3);
        assertThat(site.requestsTo("/a/1.html")).hasSize(1);
    }

    @Test
    @DisplayName("a failing source backs off and is disabled after 3 failures with its reason, while others are read")
    void failingSource() {
        serveAlpha();
        site.on("/broken/feed.xml", Answer.status(500, Map.of()));
        long broken = add("/broken/feed.xml");
        add("/a/feed.xml");

        PollReport first = polls.pollCycle();
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofHours(7));
            polls.pollCycle();
        }
        clock.advance(Duration.ofHours(7));
        PollReport fourth = polls.pollCycle();

        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.articlesAdded()).isEqualTo(2);
        SourcePoll state = registry.list().stream().filter(s -> s.id() == broken).findFirst().orElseThrow();
        assertThat(state.disabledReason()).isEqualTo("3 failures in a row; last: HTTP 500");
        assertThat(state.failures()).isEqualTo(3);
        assertThat(fourth.due()).isEqualTo(1); // only the healthy feed
        assertThat(site.requestsTo("/broken/feed.xml")).hasSize(3);
    }

    @Test
    @DisplayName("429 with Retry-After moves the next poll to when the server asked")
    void throttled() {
        site.on("/busy/feed.xml", Answer.status(429, Map.of("Retry-After", "3600")));
        add("/busy/feed.xml");

        PollReport report = polls.pollCycle();

        assertThat(report.throttled()).isEqualTo(1);
        SourcePoll state = registry.list().get(0);
        assertThat(state.nextDue()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(state.disabled()).isFalse();
    }

    @Test
    @DisplayName("SSRF: a feed that redirects to the cloud metadata address is blocked and disabled at once")
    void redirectToMetadataDisables() {
        site.on("/evil/feed.xml", Answer.status(302, Map.of("Location", "http://169.254.169.254/latest/meta-data/")));
        add("/evil/feed.xml");

        PollReport report = polls.pollCycle();

        assertThat(report.disabled()).isEqualTo(1);
        assertThat(registry.list().get(0).disabledReason()).contains("blocked", "169.254.169.254");
    }

    @Test
    @DisplayName("a hostile feed (entities, broken XML) is read for what it has; a 5 MB+ feed fails cleanly")
    void hostileFeeds() {
        site.on("/h/feed.xml", Answer.ok("application/rss+xml", "<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><rss version=\"2.0\"><channel><title>H & H</title>"
                + item("h-1", "/a/2.html", "Fine &b;", "A description that is long enough to keep as text here.")
                + "</channel></rss>"));
        site.on("/huge/feed.xml", Answer.ok("application/rss+xml", "<rss>" + "x".repeat(6 * 1024 * 1024) + "</rss>"));
        add("/h/feed.xml");
        add("/huge/feed.xml");

        PollReport report = polls.pollCycle();

        assertThat(report.read()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.problems()).anyMatch(p -> p.contains("byte limit"));
        assertThat(articles.byIds(report.newArticleIds())).singleElement()
                .satisfies(a -> assertThat(a.title()).doesNotContain("aaaaaaaaaa"));
    }

    @Test
    @DisplayName("a poll notes entries older than the age limit as seen without reading them, and caps new entries")
    void oldEntriesAndCap() {
        StringBuilder items = new StringBuilder(item("old", "/a/old.html", "Old news",
                "A week-old story that nobody should fetch again now.").replace("Mon, 01 Sep 2025", "Mon, 18 Aug 2025"));
        for (int i = 0; i < 32; i++) {
            items.append(item("n" + i, "/n/" + i + ".html", "Item " + i, "Description number " + i + " of the run."));
        }
        site.on("/many/feed.xml", Answer.ok("application/rss+xml", rss("Many", items.toString())));
        add("/many/feed.xml");

        PollReport first = polls.pollCycle();
        clock.advance(Duration.ofMinutes(16));
        PollReport second = polls.pollCycle();

        assertThat(first.articlesAdded()).isEqualTo(30);
        assertThat(second.articlesAdded()).isEqualTo(2);
        assertThat(site.requestsTo("/a/old.html")).isEmpty();
    }

    @Test
    @DisplayName("one-off ingest of a page URL stores it as one article; a second run adds nothing")
    void oneOffPage() {
        site.on("/story.html", Answer.ok("text/html", page("Gamma", "/story.html", STORY)));

        IngestReport first = web.ingest(List.of(site.url("/story.html")));
        IngestReport again = web.ingest(List.of(site.url("/story.html")));

        assertThat(first.added()).isEqualTo(1);
        assertThat(again.added()).isZero();
        assertThat(again.articleIds()).isEqualTo(first.articleIds());
        assertThat(articles.find(first.articleIds().get(0))).hasValueSatisfying(a -> {
            assertThat(a.source()).isEqualTo("Gamma");
            assertThat(a.title()).isEqualTo("Storm closes port");
        });
    }

    @Test
    @DisplayName("sources add refuses bad and private URLs; adding twice updates; remove stops polling but keeps articles")
    void registry() {
        serveAlpha();
        assertThat(registry.add("ftp://x.example/feed", Optional.empty()))
                .isInstanceOf(SourceRegistry.AddOutcome.Refused.class);
        assertThat(registry.add("http://192.168.1.1/feed", Optional.empty()))
                .isInstanceOfSatisfying(SourceRegistry.AddOutcome.Refused.class,
                        r -> assertThat(r.reason()).contains("private address"));
        assertThat(registry.add(site.url("/a/feed.xml").toString(), Optional.of(Duration.ofSeconds(10))))
                .isInstanceOf(SourceRegistry.AddOutcome.Refused.class);
        long id = add("/a/feed.xml");
        assertThat(registry.add(site.url("/a/feed.xml").toString(), Optional.of(Duration.ofMinutes(10))))
                .isInstanceOfSatisfying(SourceRegistry.AddOutcome.AlreadyPolled.class,
                        a -> assertThat(a.source().interval()).isEqualTo(Duration.ofMinutes(10)));
        polls.pollCycle();

        assertThat(registry.remove(id)).isTrue();
        assertThat(registry.remove(id)).isFalse();
        assertThat(registry.list()).isEmpty();
        assertThat(articles.count()).isEqualTo(2);
    }

    @Test
    @DisplayName("a channel's follow polls a new feed at the default interval, keeps an operator's interval,"
            + " polls a disabled source again, and refuses what sources add refuses")
    void follow() {
        serveAlpha();
        site.on("/gone.xml", Answer.status(410, Map.of()));
        registry.add(site.url("/a/feed.xml").toString(), Optional.of(Duration.ofMinutes(10)));
        registry.add(site.url("/gone.xml").toString(), Optional.of(Duration.ofMinutes(20)));
        polls.pollCycle();
        assertThat(registry.list()).filteredOn(SourcePoll::disabled).extracting(SourcePoll::url)
                .containsExactly(site.url("/gone.xml").toString());

        SourceRegistry.AddOutcome fresh = registry.follow(site.url("/b/feed.xml").toString());
        SourceRegistry.AddOutcome operators = registry.follow(site.url("/a/feed.xml").toString());
        SourceRegistry.AddOutcome disabled = registry.follow(site.url("/gone.xml").toString());

        assertThat(fresh).isInstanceOfSatisfying(SourceRegistry.AddOutcome.Added.class,
                a -> assertThat(a.source().interval()).isEqualTo(Duration.ofMinutes(15)));
        assertThat(operators).isInstanceOfSatisfying(SourceRegistry.AddOutcome.AlreadyPolled.class,
                a -> assertThat(a.source().interval()).isEqualTo(Duration.ofMinutes(10)));
        assertThat(disabled).isInstanceOfSatisfying(SourceRegistry.AddOutcome.AlreadyPolled.class, a -> {
            assertThat(a.source().disabled()).isFalse();
            assertThat(a.source().interval()).isEqualTo(Duration.ofMinutes(20));
            assertThat(a.source().nextDue()).isEqualTo(clock.instant());
        });
        assertThat(registry.follow("http://192.168.1.1/feed")).isInstanceOfSatisfying(
                SourceRegistry.AddOutcome.Refused.class, r -> assertThat(r.reason()).contains("private address"));
        assertThat(registry.follow("ftp://x.example/feed")).isInstanceOf(SourceRegistry.AddOutcome.Refused.class);
        assertThat(registry.list()).hasSize(3);
    }

    private int count(String sql) throws SQLException {
        try (Connection c = db.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
