package dev.parallax.schedule;

import dev.parallax.MutableClock;
import dev.parallax.Seeds;
import dev.parallax.chat.ChatPlatform;
import dev.parallax.claims.ClaimExtractor;
import dev.parallax.cluster.ClusterService;
import dev.parallax.cluster.ClusterSettings;
import dev.parallax.digest.BriefCache;
import dev.parallax.digest.DigestService;
import dev.parallax.digest.StoryAnalyzer;
import dev.parallax.ingest.FolderIngestService;
import dev.parallax.ingest.IngestReport;
import dev.parallax.store.ArticleStore;
import dev.parallax.store.ChannelStore;
import dev.parallax.store.ClaimStore;
import dev.parallax.store.Database;
import dev.parallax.store.OutboxStore;
import dev.parallax.store.SourceStore;
import dev.parallax.store.StoryStore;
import dev.parallax.store.SubscriptionStore;
import dev.parallax.summarize.ExtractiveSummarizer;
import dev.parallax.summarize.SummaryBudget;
import dev.parallax.text.PosTagger;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.TermAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.stream.Stream;

/**
 * One Parallax "process" for scheduling tests: the real stores on a SQLite file in a test folder,
 * folder ingest and clustering, the digest service and the scheduling services, all on one
 * mutable clock. {@link #restart()} opens a new process on the same file, as after a crash.
 */
final class ScheduleFixture {
    // Loading the language models is the slow part: one copy serves every test.
    static final TermAnalyzer TERMS = new TermAnalyzer();
    static final StoryAnalyzer ANALYZER = new StoryAnalyzer(
            new ExtractiveSummarizer(new SentenceSplitter(), TERMS, SummaryBudget.chat()),
            new ClaimExtractor(new SentenceSplitter(), new PosTagger()));
    static final Duration GRACE = Duration.ofHours(6);
    static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(5), 4);
    static final Duration LEASE = Duration.ofMinutes(2);

    final Path dir;
    final MutableClock clock;
    final Database db;
    final StoryStore stories;
    final FolderIngestService ingest;
    final ClusterService clustering;
    final ChannelStore channels;
    final OutboxStore outbox;
    final SubscriptionStore subscriptions;
    final ChannelDigestService digests;
    final List<ChannelDigestService.Built> built = new CopyOnWriteArrayList<>();

    ScheduleFixture(Path dir, MutableClock clock) {
        this.dir = dir;
        this.clock = clock;
        db = Database.open(dir.resolve("parallax.db"));
        ArticleStore articles = new ArticleStore(db, clock);
        stories = new StoryStore(db, clock);
        ingest = new FolderIngestService(articles, new SourceStore(db, clock), clock);
        clustering = new ClusterService(articles, stories, ClusterSettings.defaults(), TERMS, clock);
        DigestService digestService = new DigestService(articles, stories, new ClaimStore(db), ANALYZER);
        channels = new ChannelStore(db, clock);
        outbox = new OutboxStore(db, clock);
        subscriptions = new SubscriptionStore(db, clock);
        digests = new ChannelDigestService(channels, stories, subscriptions, outbox,
                new BriefCache(stories, digestService, 100), new DigestPlanner(clock, GRACE), clock,
                Duration.ofHours(24), built::add);
    }

    /** The same database file in a new process (nothing in memory survives). */
    ScheduleFixture restart() {
        return new ScheduleFixture(dir, clock);
    }

    OutboxDispatcher dispatcher(ChatPlatform... platforms) {
        Map<String, ChatPlatform> byName = new java.util.HashMap<>();
        for (ChatPlatform p : platforms) {
            byName.put(p.name(), p);
        }
        return new OutboxDispatcher(outbox, channels, byName, RETRY, clock, LEASE, (kind, result) -> { });
    }

    /** Copies the seed files whose names start with these prefixes into the inbox, ingests and clusters them. */
    IngestReport addSeeds(String... prefixes) {
        Path inbox = inbox();
        try (Stream<Path> files = Files.list(Seeds.folder())) {
            for (Path f : files.toList()) {
                for (String prefix : prefixes) {
                    if (f.getFileName().toString().startsWith(prefix)) {
                        Files.copy(f, inbox.resolve(f.getFileName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return poll();
    }

    IngestReport addArticle(String name, String text) {
        try {
            Files.writeString(inbox().resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return poll();
    }

    /** Writes an article into another folder (a source of its own), ingests and clusters it. */
    IngestReport addArticleTo(String folder, String name, String text) {
        try {
            Path dirOf = Files.createDirectories(dir.resolve(folder));
            Files.writeString(dirOf.resolve(name), text);
            IngestReport report = ingest.ingest(List.of(dirOf));
            clustering.cluster(report.articleIds());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source id of a folder: "inbox" (where the seeds go) or one given to {@link #addArticleTo}. */
    long sourceOf(String folder) {
        return new SourceStore(db, clock).idAt(dir.resolve(folder).toAbsolutePath().normalize().toString())
                .orElseThrow();
    }

    private IngestReport poll() {
        IngestReport report = ingest.ingest(List.of(inbox()));
        clustering.cluster(report.articleIds());
        return report;
    }

    private Path inbox() {
        try {
            return Files.createDirectories(dir.resolve("inbox"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An outbox row as the table holds it, read without the code under test. */
    record Row(String key, String channel, String parentKey, String kind, String payload, String status, int attempts,
               String nextAttemptAt, String lastError, String messageId) {
    }

    List<Row> rows() {
        return query("SELECT idempotency_key, channel_id, parent_key, kind, payload, status, attempts, next_attempt_at,"
                + " last_error, message_id FROM outbox ORDER BY id", rs -> new Row(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
                rs.getString(9), rs.getString(10)));
    }

    List<Row> rows(String kind) {
        return rows().stream().filter(r -> r.kind().equals(kind)).toList();
    }

    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    <T> List<T> query(String sql, RowReader<T> reader, Object... params) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
