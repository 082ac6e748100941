package dev.parallax.app;

import dev.parallax.chat.ChannelAdmin;
import dev.parallax.chat.CommandService;
import dev.parallax.chat.ParallaxCommands;
import dev.parallax.chat.StoredChannelFeeds;
import dev.parallax.chat.StoryBriefs;
import dev.parallax.chat.discord.DiscordBot;
import dev.parallax.chat.discord.DiscordSettings;
import dev.parallax.claims.ClaimExtractor;
import dev.parallax.cluster.ClusterService;
import dev.parallax.digest.DigestService;
import dev.parallax.digest.StoryAnalyzer;
import dev.parallax.ingest.ArticleIntake;
import dev.parallax.ingest.FeedSettings;
import dev.parallax.ingest.FolderIngestService;
import dev.parallax.ingest.PollPolicy;
import dev.parallax.ingest.SourcePollService;
import dev.parallax.ingest.SourceRegistry;
import dev.parallax.ingest.WebIngestService;
import dev.parallax.ingest.http.AddressGuard;
import dev.parallax.ingest.http.HttpFetcher;
import dev.parallax.schedule.ChannelDigestService;
import dev.parallax.schedule.DigestPlanner;
import dev.parallax.store.ArticleStore;
import dev.parallax.store.ChannelStore;
import dev.parallax.store.OutboxStore;
import dev.parallax.store.SearchStore;
import dev.parallax.store.SubscriptionStore;
import dev.parallax.store.ClaimStore;
import dev.parallax.store.Database;
import dev.parallax.store.FeedEntryStore;
import dev.parallax.store.SourcePollStore;
import dev.parallax.store.SourceStore;
import dev.parallax.store.StoryStore;
import dev.parallax.summarize.ExtractiveSummarizer;
import dev.parallax.text.PosTagger;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.TermAnalyzer;
import java.time.Clock;
import java.util.Optional;

/** The application wired with plain constructors: the one place that knows every part. */
public final class Parallax implements AutoCloseable {
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
    final ChannelDigestService channelDigests;
    final SearchStore search;
    final SubscriptionStore subscriptions;
    private final StoryBriefs briefs;
    private final TermAnalyzer analyzer;
    private DiscordBot discord;

    private Parallax(ParallaxConfig config, Clock clock) {
        database = Database.open(config.database());
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
        webIngest = new WebIngestService(new HttpFetcher(feeds.fetch(), guard, clock), intake, sources,
                new FeedEntryStore(database, clock), feeds, clock);
        SourcePollStore polls = new SourcePollStore(database, clock);
        webSources = new SourceRegistry(polls, webIngest, guard, feeds);
        sourcePolls = new SourcePollService(polls, webIngest, PollPolicy.from(feeds),
                feeds.fetch().globalConcurrency(), clustering::cluster, clock);
        StoryAnalyzer storyAnalyzer = new StoryAnalyzer(
                new ExtractiveSummarizer(splitter, analyzer, config.summary()),
                new ClaimExtractor(splitter, new PosTagger()));
        digests = new DigestService(articles, stories, new ClaimStore(database), storyAnalyzer);
        channels = new ChannelStore(database, clock);
        outbox = new OutboxStore(database, clock);
        RunSettings run = config.run();
        channelDigests = new ChannelDigestService(channels, stories, outbox, digests,
                new DigestPlanner(clock, run.catchUpGrace()), clock, run.firstLookBack());
        search = new SearchStore(database);
        subscriptions = new SubscriptionStore(database, clock);
        briefs = new StoryBriefs(digests, search, 256);
    }

    /** The chat commands, typed as {@code command} ("/parallax"), changing channels through {@code admin}. */
    CommandService commands(ChannelAdmin admin, String command) {
        return new ParallaxCommands(search, briefs, admin, new StoredChannelFeeds(subscriptions), command);
    }

    static Parallax start(ParallaxConfig config, Clock clock) {
        return new Parallax(config, clock);
    }

    /**
     * Discord (issue 8): the "discord" platform. A channel the bot leaves or loses access to gets its
     * schedule disabled with the reason. Commands need the CommandService (issue 7): pass it here.
     */
    DiscordBot startDiscord(String token, DiscordSettings settings) {
        Optional<CommandService> commands = Optional.empty();
        discord = DiscordBot.start(token, settings, commands, (channel, reason) -> channels.disable(channel.id(), reason));
        return discord;
    }

    @Override
    public void close() {
        if (discord != null) {
            discord.close();
        }
        analyzer.close();
        database.close();
    }
}
