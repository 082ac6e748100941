package dev.parallax;

import dev.parallax.cluster.ClusterService;
import dev.parallax.cluster.ClusterSettings;
import dev.parallax.ingest.FolderIngestService;
import dev.parallax.store.ArticleStore;
import dev.parallax.store.Database;
import dev.parallax.store.SourceStore;
import dev.parallax.store.StoryStore;
import dev.parallax.text.TermAnalyzer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The store-backed core on a real SQLite file in a test folder, with a fixed clock. Close it before the
 * folder goes: the connection pool opens connections in the background, and each recreates the WAL files.
 */
public final class TestApp implements AutoCloseable {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-01T08:00:00Z"), ZoneOffset.UTC);

    public final Database db;
    public final ArticleStore articles;
    public final StoryStore stories;
    public final FolderIngestService ingest;
    public final ClusterService clustering;
    private final TermAnalyzer analyzer = new TermAnalyzer();

    public TestApp(Path dir) {
        db = Database.open(dir.resolve("parallax.db"));
        articles = new ArticleStore(db, CLOCK);
        stories = new StoryStore(db, CLOCK);
        ingest = new FolderIngestService(articles, new SourceStore(db, CLOCK), CLOCK);
        clustering = new ClusterService(articles, stories, ClusterSettings.defaults(), analyzer, CLOCK);
    }

    @Override
    public void close() {
        db.close();
        analyzer.close();
    }
}
