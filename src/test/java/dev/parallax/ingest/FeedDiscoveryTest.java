package dev.parallax.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.MutableClock;
import dev.parallax.ingest.LocalSite.Answer;
import dev.parallax.ingest.http.AddressGuard;
import dev.parallax.ingest.http.FetchSettings;
import dev.parallax.ingest.http.HttpFetcher;
import dev.parallax.store.ArticleStore;
import dev.parallax.store.Database;
import dev.parallax.store.FeedEntryStore;
import dev.parallax.store.SourcePoll;
import dev.parallax.store.SourcePollStore;
import dev.parallax.store.SourceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sources add and a channel's follow given a home page: over real HTTP on 127.0.0.1, into a real SQLite file. */
class FeedDiscoveryTest {
    private static final String STORY = SamplePages.HARBOUR_STORY;

    @TempDir
    Path dir;

    private LocalSite site;
    private Database db;
    private ArticleStore articles;
    private SourceRegistry registry;
    private SourcePollService polls;

    @BeforeEach
    void setUp() throws IOException {
        site = new LocalSite();
        MutableClock clock = new MutableClock(Instant.parse("2025-09-01T08:00:00Z"));
        db = Database.open(dir.resolve("parallax.db"));
        articles = new ArticleStore(db, clock);
        // One loopback host serves every page here, so the politeness delay is off (HttpFetcherTest covers it).
        FeedSettings settings = new FeedSettings(Duration.ofMinutes(15), Duration.ofHours(6), 3, 30, Duration.ofDays(7),
                false, FetchSettings.defaults().withAllow(List.of("127.0.0.1/32")).withMinHostInterval(Duration.ZERO));
        AddressGuard guard = AddressGuard.withSystemResolver(settings.fetch().allow());
        HttpFetcher fetcher = new HttpFetcher(settings.fetch(), guard, clock);
        WebIngestService web = new WebIngestService(fetcher, new ArticleIntake(articles, clock),
                new SourceStore(db, clock), new FeedEntryStore(db, clock), settings, clock);
        SourcePollStore store = new SourcePollStore(db, clock);
        registry = new SourceRegistry(store, web, guard, settings, new AnnouncedFeedDiscovery(fetcher));
        polls = new SourcePollService(store, web, PollPolicy.from(settings), 2, ids -> { }, clock);
    }

    @AfterEach
    void tearDown() {
        site.close();
        db.close();
    }

    private static String home(String links) {
        return "<!doctype html><html><head><title>Alpha News</title>" + links + "</head><body><h1>Alpha News</h1>"
                + "<article>" + STORY + "</article></body></html>";
    }

    private void serveFeed(String path) {
        site.on(path, Answer.ok("application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                + "<title>Alpha Feed</title><item><guid>a-1</guid><link>" + site.url("/a/1.html") + "</link>"
                + "<title>Ferry strike ends</title><pubDate>Mon, 01 Sep 2025 07:00:00 GMT</pubDate><description>"
                + "Ferry workers accepted the new contract on Sunday after three days of talks, the union said."
                + "</description></item></channel></rss>"));
    }

    @Test
    @DisplayName("a home page that links its feed is polled as that feed, and the user is told which feed was found")
    void homePageBecomesItsFeed() {
        site.on("/", Answer.ok("text/html; charset=utf-8",
                home("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"" + site.url("/feed.xml") + "\">")));
        serveFeed("/feed.xml");

        SourceRegistry.AddOutcome added = registry.add(site.url("/").toString(), Optional.empty());
        PollReport report = polls.pollCycle();

        assertThat(added).isInstanceOfSatisfying(SourceRegistry.AddOutcome.Added.class, a -> {
            assertThat(a.source().url()).isEqualTo(site.url("/feed.xml").toString());
            assertThat(a.found()).hasValueSatisfying(f -> assertThat(f.describe())
                    .isEqualTo("found feed " + site.url("/feed.xml") + " on " + site.url("/")));
        });
        assertThat(registry.list()).extracting(SourcePoll::url).containsExactly(site.url("/feed.xml").toString());
        assertThat(report.read()).isEqualTo(1);
        assertThat(report.articlesAdded()).isEqualTo(1);
        assertThat(registry.list().get(0).kind()).isEqualTo("feed");
    }

    @Test
    @DisplayName("a relative href resolves against the page; a comments feed listed first is passed over; follow"
            + " discovers too")
    void relativeAndComments() {
        site.on("/blog/", Answer.ok("text/html", home("""
                <link rel="alternate" type="application/rss+xml" title="Alpha » Comments Feed" href="comments.xml">
                <link rel="alternate" type="application/rss+xml" title="Alpha" href="feed.xml">""")));
        serveFeed("/blog/feed.xml");

        SourceRegistry.AddOutcome followed = registry.follow(site.url("/blog/").toString());

        assertThat(followed).isInstanceOfSatisfying(SourceRegistry.AddOutcome.Added.class,
                a -> assertThat(a.source().url()).isEqualTo(site.url("/blog/feed.xml").toString()));
        assertThat(site.requestsTo("/blog/comments.xml")).isEmpty();
    }

    @Test
    @DisplayName("a page without a feed link stays a page source, read as one article as before")
    void pageWithoutLink() {
        site.on("/story.html", Answer.ok("text/html", home("<link rel=\"stylesheet\" href=\"/s.css\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Comments\" href=\"/c.xml\">")));

        SourceRegistry.AddOutcome added = registry.add(site.url("/story.html").toString(), Optional.empty());
        PollReport report = polls.pollCycle();

        assertThat(added).isInstanceOfSatisfying(SourceRegistry.AddOutcome.Added.class, a -> {
            assertThat(a.source().url()).isEqualTo(site.url("/story.html").toString());
            assertThat(a.found()).isEmpty();
        });
        assertThat(report.articlesAdded()).isEqualTo(1);
        assertThat(registry.list().get(0).kind()).isEqualTo("page");
    }

    @Test
    @DisplayName("a feed link to a private address is refused by the same guard, saying which feed was found")
    void privateFeedLinkRefused() {
        site.on("/", Answer.ok("text/html",
                home("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"http://192.168.1.1/feed.atom\">")));

        SourceRegistry.AddOutcome added = registry.add(site.url("/").toString(), Optional.empty());
        SourceRegistry.AddOutcome followed = registry.follow(site.url("/").toString());

        assertThat(List.of(added, followed)).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(
                SourceRegistry.AddOutcome.Refused.class, r -> assertThat(r.reason())
                        .startsWith("found feed http://192.168.1.1/feed.atom on " + site.url("/"))
                        .contains("192.168.1.1 resolves to a private address")));
        assertThat(registry.list()).isEmpty();
    }

    @Test
    @DisplayName("a URL that names a feed is taken as one without a request while adding")
    void feedUrlIsNotFetchedOnAdd() {
        serveFeed("/feed.xml");

        SourceRegistry.AddOutcome added = registry.add(site.url("/feed.xml").toString(), Optional.empty());

        assertThat(added).isInstanceOfSatisfying(SourceRegistry.AddOutcome.Added.class,
                a -> assertThat(a.found()).isEmpty());
        assertThat(site.requests()).isEmpty();
    }
}
