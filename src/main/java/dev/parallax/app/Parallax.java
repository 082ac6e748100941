package dev.parallax.app;

import dev.parallax.claims.ClaimExtractor;
import dev.parallax.cluster.ClusterService;
import dev.parallax.digest.DigestService;
import dev.parallax.digest.StoryAnalyzer;
import dev.parallax.ingest.FolderIngestService;
import dev.parallax.schedule.ChannelDigestService;
import dev.parallax.schedule.DigestPlanner;
import dev.parallax.store.ArticleStore;
import dev.parallax.store.ChannelStore;
import dev.parallax.store.OutboxStore;
import dev.parallax.store.ClaimStore;
import dev.parallax.store.Database;
import dev.parallax.store.SourceStore;
import dev.parallax.store.StoryStore;
import dev.parallax.text.PosTagger;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.TermAnalyzer;
import java.time.Clock;

/** The application wired with plain constructors: the one place that knows every part. */
public final class Parallax implements AutoCloseable {
    final Database database;
    final ArticleStore articles;
    final StoryStore stories;
    final FolderIngestService folderIngest;
    final ClusterService clustering;
    final DigestService digests;
    final ChannelStore channels;
    final OutboxStore outbox;
    final ChannelDigestService channelDigests;
    private final TermAnalyzer analyzer;

    private Parallax(ParallaxConfig config, Clock clock) {
        database = Database.open(config.database());
        articles = new ArticleStore(database, clock);
        stories = new StoryStore(database, clock);
        SourceStore sources = new SourceStore(database, clock);
        analyzer = new TermAnalyzer();
        SentenceSplitter splitter = new SentenceSplitter();
        folderIngest = new FolderIngestService(articles, sources, clock);
        clustering = new ClusterService(articles, stories, config.cluster(), analyzer, clock);
        StoryAnalyzer storyAnalyzer = new StoryAnalyzer(
                Components.summarizer(splitter, analyzer, config.summary(), config.llm()),
                new ClaimExtractor(splitter, new PosTagger()));
        digests = new DigestService(articles, stories, new ClaimStore(database), storyAnalyzer);
        channels = new ChannelStore(database, clock);
        outbox = new OutboxStore(database, clock);
        RunSettings run = config.run();
        channelDigests = new ChannelDigestService(channels, stories, outbox, digests,
                new DigestPlanner(clock, run.catchUpGrace()), clock, run.firstLookBack());
    }

    static Parallax start(ParallaxConfig config, Clock clock) {
        return new Parallax(config, clock);
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
