package dev.parallax.app;

import dev.parallax.chat.ChannelAdmin;
import dev.parallax.chat.ChatPlatform;
import dev.parallax.chat.CommandService;
import dev.parallax.chat.ParallaxCommands;
import dev.parallax.chat.StoredChannelFeeds;
import dev.parallax.chat.console.ConsoleChannel;
import dev.parallax.chat.console.FileChannel;
import dev.parallax.chat.console.LoopbackPlatform;
import dev.parallax.chat.discord.DiscordBot;
import dev.parallax.chat.discord.DiscordSettings;
import dev.parallax.chat.slack.SlackBot;
import dev.parallax.claims.ClaimExtractor;
import dev.parallax.cluster.ClusterService;
import dev.parallax.digest.BriefCache;
import dev.parallax.digest.DigestService;
import dev.parallax.digest.StoryAnalyzer;
import dev.parallax.ingest.AnnouncedFeedDiscovery;
import dev.parallax.ingest.ArticleIntake;
import dev.parallax.ingest.FeedSettings;
import dev.parallax.ingest.FolderIngestService;
import dev.parallax.ingest.PollPolicy;
import dev.parallax.ingest.SourcePollService;
import dev.parallax.ingest.SourceRegistry;
import dev.parallax.ingest.WebIngestService;
import dev.parallax.ingest.http.AddressGuard;
import dev.parallax.ingest.http.HttpFetcher;
import dev.parallax.ops.MeasuredCommands;
import dev.parallax.ops.ParallaxMetrics;
import dev.parallax.schedule.ChannelAdminService;
import dev.parallax.schedule.ChannelDigestService;
import dev.parallax.schedule.DigestPlanner;
import dev.parallax.schedule.FolderPoller;
import dev.parallax.schedule.OutboxDispatcher;
import dev.parallax.schedule.ParallaxScheduler;
import dev.parallax.schedule.RetryPolicy;
import dev.parallax.schedule.SourcePoller;
import dev.parallax.store.ArticleStore;
import dev.parallax.store.ChannelStore;
import dev.parallax.store.ClaimStore;
import dev.parallax.store.Database;
import dev.parallax.store.FeedEntryStore;
import dev.parallax.store.SourcePollStore;
import dev.parallax.store.OutboxStore;
import dev.parallax.store.SearchStore;
import dev.parallax.store.SourceStore;
import dev.parallax.store.StoryStore;
import dev.parallax.store.SubscriptionStore;
import dev.parallax.text.PosTagger;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.TermAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The application wired with plain constructors: the one place that knows every part. */
public final class Parallax implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Parallax.class);
    private static final int BRIEF_CACHE = 5_000;

    final Database database;
    final ArticleStore articles;
    final StoryStore stories;
    final FolderIngestService folderIngest;
    final WebIngestService webIngest;
    final SourceRegistry webSources;
    final SourcePollService sourcePolls;
    final ClusterService clustering;
    final DigestService digests;
    final ChannelStore channels;
    final OutboxStore outbox;
    final ParallaxMetrics metrics = new ParallaxMetrics();
    final ChannelDigestService channelDigests;
    final ChannelAdminService channelAdmin;
    final SearchStore search;
    final SubscriptionStore subscriptions;
    private final BriefCache briefs;
    private final ParallaxConfig config;
    private final Clock clock;
    private final TermAnalyzer analyzer;
    private volatile ParallaxScheduler scheduler;
    private SlackBot slack;
    private DiscordBot discord;

    private Parallax(ParallaxConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        RunSettings run = config.run();
        // The password of a PostgreSQL database is a secret: it comes from the environment only.
        database = Database.open(config.database(), System.getenv("PARALLAX_DB_PASSWORD"));
        articles = new ArticleStore(database, clock);
        stories = new StoryStore(database, clock);
        SourceStore sources = new SourceStore(database, clock);
        analyzer = new TermAnalyzer();
        SentenceSplitter splitter = new SentenceSplitter();
        ArticleIntake intake = new ArticleIntake(articles, clock);
        folderIngest = new FolderIngestService(intake, sources);
        clustering = new ClusterService(articles, stories, config.cluster(), analyzer, clock);
        FeedSettings feeds = config.feeds();
        AddressGuard guard = AddressGuard.withSystemResolver(feeds.fetch().allow());
        HttpFetcher fetcher = new HttpFetcher(feeds.fetch(), guard, clock);
        webIngest = new WebIngestService(fetcher, intake, sources, new FeedEntryStore(database, clock), feeds, clock);
        SourcePollStore polls = new SourcePollStore(database, clock);
        webSources = new SourceRegistry(polls, webIngest, guard, feeds, new AnnouncedFeedDiscovery(fetcher));
        sourcePolls = new SourcePollService(polls, webIngest, PollPolicy.from(feeds),
                feeds.fetch().globalConcurrency(), clustering::cluster, clock);
        StoryAnalyzer storyAnalyzer = new StoryAnalyzer(
                Components.summarizer(splitter, analyzer, config.summary(), config.llm()),
                new ClaimExtractor(splitter, new PosTagger()));
        digests = new DigestService(articles, stories, new ClaimStore(database), storyAnalyzer);
        channels = new ChannelStore(database, clock);
        outbox = new OutboxStore(database, clock);
        // One cache for digests and commands: a story a digest analysed answers its buttons at once.
        briefs = new BriefCache(stories, digests, BRIEF_CACHE);
        subscriptions = new SubscriptionStore(database, clock);
        channelDigests = new ChannelDigestService(channels, stories, subscriptions, outbox, briefs,
                new DigestPlanner(clock, run.catchUpGrace()), clock, run.firstLookBack(), built -> {
                    if (!built.empty()) {
                        metrics.digestBuilt(); // a channel with nothing new got no digest
                    }
                });
        channelAdmin = new ChannelAdminService(channels, outbox, channelDigests, channel -> {
            ParallaxScheduler live = scheduler;
            if (live != null) {
                live.triggers().scheduleNext(channel);
            }
        });
        search = new SearchStore(database);
    }

    static Parallax start(ParallaxConfig config, Clock clock) {
        return new Parallax(config, clock);
    }

    /** The chat commands, typed as {@code command} ("/parallax"), changing channels through {@code admin}, timed. */
    CommandService commands(ChannelAdmin admin, String command) {
        return new MeasuredCommands(new ParallaxCommands(search, briefs, admin,
                new StoredChannelFeeds(subscriptions, new PolledFeeds(webSources)), command), metrics);
    }

    /**
     * The chat platforms of this process, by name: console (to {@code console}) and file always,
     * Slack and Discord when their tokens are in {@code env}, webhook when PARALLAX_WEBHOOK_URL is.
     */
    Map<String, ChatPlatform> platforms(PrintWriter console, Map<String, String> env) throws InterruptedException {
        Map<String, ChatPlatform> platforms = new LinkedHashMap<>();
        platforms.put("console", new ConsoleChannel(console));
        platforms.put("file", new FileChannel());
        // A chat-like HTTP endpoint (see LoopbackPlatform): for soak runs and self-made bridges; its URL may hold a token.
        String webhook = env.get("PARALLAX_WEBHOOK_URL");
        if (webhook != null && !webhook.isBlank()) {
            platforms.put("webhook", new LoopbackPlatform("webhook", URI.create(webhook.strip())));
        }
        // Slack: only when its tokens are in the environment (see README, "Parallax in Slack").
        slack = SlackBot.fromEnvironment(config.slack(), env, clock).orElse(null);
        if (slack != null) {
            platforms.put("slack", slack.platform());
        }
        String discordToken = env.get("DISCORD_TOKEN");
        if (discordToken != null && !discordToken.isBlank()) {
            DiscordBot bot = startDiscord(discordToken, config.discord());
            if (!bot.awaitReady(Duration.ofSeconds(30))) {
                LOG.warn("Discord is not connected yet; its deliveries wait in the outbox until it is");
            }
            platforms.put("discord", bot);
        }
        return platforms;
    }

    /** Starts answering chat commands on the platforms that take them (Slack). */
    void listenForCommands() throws IOException {
        if (slack != null) {
            slack.listen(commands(channelAdmin, slack.command()));
        }
    }

    /**
     * The "discord" platform, answering {@code /parallax} too. A channel the bot leaves or loses
     * access to gets its schedule disabled with the reason.
     */
    DiscordBot startDiscord(String token, DiscordSettings settings) {
        CommandService commands = commands(channelAdmin, "/" + settings.command());
        discord = DiscordBot.start(token, settings, Optional.of(commands),
                (channel, reason) -> channels.disable(channel.id(), reason));
        return discord;
    }

    OutboxDispatcher dispatcher(Map<String, ChatPlatform> platforms) {
        return new OutboxDispatcher(outbox, channels, platforms, RetryPolicy.defaults(), clock,
                config.instances().outboxLease(),
                (kind, result) -> metrics.delivery(kind, result.name().toLowerCase(Locale.ROOT)));
    }

    /**
     * The configured folders and the due feeds and pages, polled one after the other (both file
     * articles through the one clusterer), counted in the metrics.
     */
    SourcePoller poller() {
        SourcePoller folders = new FolderPoller(config.run().folders(), folderIngest, clustering);
        SourcePoller web = () -> {
            dev.parallax.ingest.PollReport r = sourcePolls.pollCycle();
            return new SourcePoller.PollReport(r.due(), r.failed(), r.articlesAdded());
        };
        return () -> {
            SourcePoller.PollReport report = folders.pollDue().plus(web.pollDue());
            metrics.sourcesPolled(report.polled(), report.failed(), report.articlesAdded());
            return report;
        };
    }

    ParallaxScheduler scheduler(OutboxDispatcher dispatcher, SourcePoller poller, Map<String, ChatPlatform> platforms,
                                int outboxBatch) {
        RunSettings run = config.run();
        scheduler = new ParallaxScheduler(channelDigests, dispatcher, poller, channels, outbox, clock,
                new ParallaxScheduler.Intervals(run.pollInterval(), run.outboxInterval(), outboxBatch),
                platforms.keySet(), config.instances().quartzStore(database.shared(), database.dataSource()));
        return scheduler;
    }

    @Override
    public void close() {
        if (slack != null) {
            slack.close();
        }
        if (discord != null) {
            discord.close();
        }
        analyzer.close();
        database.close();
    }
}
