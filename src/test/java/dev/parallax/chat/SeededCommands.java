package dev.parallax.chat;

import dev.parallax.Seeds;
import dev.parallax.TestApp;
import dev.parallax.app.PolledFeeds;
import dev.parallax.claims.ClaimExtractor;
import dev.parallax.digest.BriefCache;
import dev.parallax.digest.DigestService;
import dev.parallax.digest.StoryAnalyzer;
import dev.parallax.ingest.ArticleIntake;
import dev.parallax.ingest.FeedDiscovery;
import dev.parallax.ingest.FeedSettings;
import dev.parallax.ingest.IngestReport;
import dev.parallax.ingest.SourceRegistry;
import dev.parallax.ingest.WebIngestService;
import dev.parallax.ingest.http.AddressGuard;
import dev.parallax.ingest.http.HttpFetcher;
import dev.parallax.schedule.ChannelAdminService;
import dev.parallax.schedule.ChannelDigestService;
import dev.parallax.schedule.DigestPlanner;
import dev.parallax.store.ArticleStore;
import dev.parallax.store.ChannelStore;
import dev.parallax.store.ClaimStore;
import dev.parallax.store.Database;
import dev.parallax.store.FeedEntryStore;
import dev.parallax.store.OutboxStore;
import dev.parallax.store.SearchStore;
import dev.parallax.store.SourcePollStore;
import dev.parallax.store.SourceStore;
import dev.parallax.store.SubscriptionStore;
import dev.parallax.summarize.ExtractiveSummarizer;
import dev.parallax.summarize.SummaryBudget;
import dev.parallax.text.PosTagger;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.TermAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real command stack on a real SQLite file: the five seed articles (one story), plus two
 * articles of other stories, ingested and clustered; channels, outbox and digests as in production.
 */
public final class SeededCommands implements AutoCloseable {
    /** One more story that mentions Tianjin once, in passing, for ranking tests. */
    public static final String PORT_ARTICLE = """
            Container shipping rates fall as demand slows

            Rates for shipping containers between Asia and Europe fell for a sixth week as retailers ordered
            fewer goods ahead of the holiday season, freight analysts said on Monday.
            Carriers have cut sailings and parked ships, but spot prices on the main lanes are still about a
            third lower than a year ago. Port operators from Rotterdam to Tianjin reported quieter quays.
            Analysts expect rates to stabilise once the new contracts for next year are signed.
            """;

    public final TestApp app;
    public final SearchStore search;
    public final ChannelStore channels;
    public final OutboxStore outbox;
    public final ChannelAdminService admin;
    public final ParallaxCommands commands;
    public final List<String> scheduleChanges = new CopyOnWriteArrayList<>();
    /** The seed story (five outlets), the flood story and the shipping story. */
    public final String seedStory;
    public final String floodStory;
    public final String portStory;

    public SeededCommands(Path dir) {
        app = new TestApp(dir);
        Path extra = dir.resolve("extra");
        write(extra.resolve("brazil-floods.txt"), Seeds.UNRELATED_ARTICLE);
        write(extra.resolve("container-rates.txt"), PORT_ARTICLE);
        IngestReport seeds = app.ingest.ingest(List.of(Seeds.folder()));
        IngestReport others = app.ingest.ingest(List.of(extra));
        List<String> ids = new ArrayList<>(seeds.articleIds());
        ids.addAll(others.articleIds());
        Map<String, String> storyOf = app.clustering.cluster(ids);
        seedStory = storyOf.get(seeds.articleIds().get(0));
        floodStory = storyOf.get("brazil-floods");
        portStory = storyOf.get("container-rates");

        SentenceSplitter splitter = new SentenceSplitter();
        DigestService digests = new DigestService(app.articles, app.stories, new ClaimStore(app.db),
                new StoryAnalyzer(new ExtractiveSummarizer(splitter, new TermAnalyzer(), SummaryBudget.chat()),
                        new ClaimExtractor(splitter, new PosTagger())));
        search = new SearchStore(app.db);
        channels = new ChannelStore(app.db, TestApp.CLOCK);
        outbox = new OutboxStore(app.db, TestApp.CLOCK);
        BriefCache briefs = new BriefCache(app.stories, digests, 64);
        SubscriptionStore subscriptions = new SubscriptionStore(app.db, TestApp.CLOCK);
        ChannelDigestService channelDigests = new ChannelDigestService(channels, app.stories, subscriptions, outbox,
                briefs, new DigestPlanner(TestApp.CLOCK, Duration.ofHours(6)),
                TestApp.CLOCK, Duration.ofDays(3650), built -> { });
        admin = new ChannelAdminService(channels, outbox, channelDigests, scheduleChanges::add);
        commands = new ParallaxCommands(search, briefs,
                admin, new StoredChannelFeeds(subscriptions, feeds(app.db)), "/parallax");
    }

    // The registration the wiring uses (the SSRF guard, polling state), with DNS answered from a table:
    // the example hosts are public addresses, anything else is unknown, and nothing is fetched.
    private static FeedRegistration feeds(Database db) {
        Map<String, byte[]> dns = Map.of("www.example.com", new byte[] {93, (byte) 184, (byte) 215, 14},
                "feeds.example.org", new byte[] {93, (byte) 184, (byte) 215, 15},
                "example.net", new byte[] {93, (byte) 184, (byte) 215, 16},
                "intranet.example", new byte[] {10, 1, 2, 3});
        AddressGuard guard = new AddressGuard(List.of(), host -> {
            if (host.matches("[\\d.]+") || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)}; // a literal, never looked up
            }
            byte[] address = dns.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByAddress(host, address)};
        });
        FeedSettings settings = FeedSettings.defaults();
        SourceStore sources = new SourceStore(db, TestApp.CLOCK);
        WebIngestService web = new WebIngestService(new HttpFetcher(settings.fetch(), guard, TestApp.CLOCK),
                new ArticleIntake(new ArticleStore(db, TestApp.CLOCK), TestApp.CLOCK), sources,
                new FeedEntryStore(db, TestApp.CLOCK), settings, TestApp.CLOCK);
        return new PolledFeeds(new SourceRegistry(new SourcePollStore(db, TestApp.CLOCK), web, guard, settings,
                FeedDiscovery.NONE)); // its hosts are public addresses: nothing may be fetched
    }

    /**
     * Analyses the three stories once, so that commands about them answer from the cache; adapter
     * tests need replies inside the acknowledgement budget even on a busy machine.
     */
    /** Closes the store; before the test folder goes (see {@link TestApp}). */
    @Override
    public void close() {
        app.close();
    }

    public SeededCommands warm() {
        for (String story : List.of(seedStory, floodStory, portStory)) {
            commands.handle(new CommandRequest(new ChannelRef("console", "warm-up"), "", false, "story " + story));
        }
        return this;
    }

    /** A raw count, read around the code under test. */
    public int count(String sql, String... params) {
        try (Connection c = app.db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
