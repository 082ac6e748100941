package dev.parallax.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.Seeds;
import dev.parallax.cluster.ClusterService;
import dev.parallax.cluster.ClusterSettings;
import dev.parallax.ingest.FolderIngestService;
import dev.parallax.ingest.IngestReport;
import dev.parallax.store.ArticleStore;
import dev.parallax.store.ChannelStore;
import dev.parallax.store.Database;
import dev.parallax.store.DatabaseFixture;
import dev.parallax.store.SourceStore;
import dev.parallax.store.StoryStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several instances on one PostgreSQL database (each its own pool, stores, and clustered Quartz
 * scheduler with its own instance id), delivering to one fake platform that keeps every post.
 * Skipped without a PostgreSQL server (see DatabaseFixture).
 */
class ClusteredSchedulerTest {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private DatabaseFixture databases;
    private Database probe;
    private final FakePlatform platform = new FakePlatform("fake", true);
    private final List<ClusterInstance> instances = new ArrayList<>();

    @BeforeEach
    void sharedDatabase() {
        databases = DatabaseFixture.create(DatabaseFixture.Kind.POSTGRESQL, dir);
    }

    @AfterEach
    void stopAll() {
        instances.forEach(i -> {
            i.scheduler.halt();
            i.clock.thaw();
        });
        if (databases != null) {
            databases.close();
        }
    }

    /** The seed articles in one story, and channels whose digest fell due ten minutes ago (a catch-up). */
    private List<String> channelsDue(int count) {
        Database db = probe = databases.open();
        Clock clock = Clock.systemUTC();
        ArticleStore articles = new ArticleStore(db, clock);
        StoryStore stories = new StoryStore(db, clock);
        IngestReport ingested = new FolderIngestService(articles, new SourceStore(db, clock), clock)
                .ingest(List.of(Seeds.folder()));
        new ClusterService(articles, stories, ClusterSettings.defaults(), ScheduleFixture.TERMS, clock)
                .cluster(ingested.articleIds());
        ChannelStore channels = new ChannelStore(db, clock);
        String due = HH_MM.format(clock.instant().minus(Duration.ofMinutes(10)));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "fake:c" + i;
            channels.declare(id, "fake", "c" + i, due, "UTC", List.of(), List.of());
            channels.skipTo(id, clock.instant().minus(Duration.ofHours(1)));
            ids.add(id);
        }
        return ids;
    }

    private ClusterInstance instance(String id, java.util.function.Consumer<ClusterInstance> afterBuild) {
        ClusterInstance instance = new ClusterInstance(id, databases.open(), platform, afterBuild);
        instances.add(instance);
        return instance;
    }

    @Test
    @DisplayName("two instances share the digests: each channel's digest job runs once in all, and every message is posted once")
    void sharedWithoutDoubles() throws Exception {
        List<String> channels = channelsDue(8);
        ClusterInstance a = instance("node-a", i -> { });
        ClusterInstance b = instance("node-b", i -> { });

        a.scheduler.start();
        b.scheduler.start();
        await(() -> delivered(channels) && rebooked(channels));

        for (String ch : channels) {
            assertThat(a.digestRuns(ch) + b.digestRuns(ch)).as("digest runs of %s", ch).isEqualTo(1);
        }
        assertThat(Stream.concat(a.built.stream(), b.built.stream()))
                .extracting(ChannelDigestService.Built::channelId).containsExactlyInAnyOrderElementsOf(channels);
        assertEveryMessagePostedOnce(channels);
    }

    @Test
    @DisplayName("an instance dies mid-digest: the others take over its triggers and the digest it was building, within the check-in interval; nothing lost, nothing posted twice")
    void takeoverAfterDeath() throws Exception {
        List<String> channels = channelsDue(9);
        CountDownLatch dead = new CountDownLatch(1);
        // Node A dies right after queueing its second digest, before booking that channel's next one.
        ClusterInstance a = instance("node-a", self -> {
            if (self.built.size() == 2) {
                self.clock.freeze();
                dead.countDown();
            }
        });
        a.scheduler.start();
        assertThat(dead.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        a.scheduler.halt(); // no more check-ins: to the cluster, node A is gone
        Instant killedAt = Instant.now();
        ClusterInstance b = instance("node-b", i -> { });
        ClusterInstance c = instance("node-c", i -> { });
        Map<String, Instant> takenOverAt = new HashMap<>();
        for (ClusterInstance survivor : List.of(b, c)) {
            survivor.scheduler.onJobRun((job, channel) -> {
                synchronized (takenOverAt) {
                    takenOverAt.putIfAbsent(job + ":" + channel, Instant.now());
                }
            });
        }

        b.scheduler.start();
        c.scheduler.start();
        await(() -> delivered(channels) && rebooked(channels));

        List<String> cutOff = a.built.stream().map(ChannelDigestService.Built::channelId)
                .filter(ch -> a.digestRuns(ch) == 0).toList(); // queued by A, never booked again by it
        assertThat(cutOff).isNotEmpty();
        for (String ch : channels) {
            long built = Stream.of(a, b, c).flatMap(i -> i.built.stream()).filter(x -> x.channelId().equals(ch)).count();
            assertThat(built).as("digests built for %s", ch).isEqualTo(1);
            // Once for what A never finished; at most once for the rest (a job A finished but had not yet
            // reported done to the cluster runs again, finds its digest built, and only books the next one).
            long survivorRuns = b.digestRuns(ch) + c.digestRuns(ch);
            assertThat(survivorRuns).as("runs of %s on the survivors", ch).isLessThanOrEqualTo(1);
            if (cutOff.contains(ch) || a.digestRuns(ch) == 0) {
                assertThat(survivorRuns).as("runs of %s on the survivors", ch).isEqualTo(1);
            }
        }
        Duration takeover = Duration.between(killedAt, takenOverAt.get("digest:" + cutOff.get(0)));
        assertThat(takeover).isLessThan(ClusterInstance.CHECKIN.plusMillis(7_500).plusSeconds(10));
        assertEveryMessagePostedOnce(channels);
        System.out.printf("clustered takeover: the digest node A was building ran again on another node %.1f s"
                + " after A stopped checking in (check-in %d s + Quartz's 7.5 s grace)%n", takeover.toMillis() / 1e3,
                ClusterInstance.CHECKIN.toSeconds());
    }

    private void assertEveryMessagePostedOnce(List<String> channels) throws SQLException {
        List<FakePlatform.Post> posts = platform.posts();
        assertThat(posts).extracting(FakePlatform.Post::key).doesNotHaveDuplicates();
        for (String ch : channels) {
            assertThat(posts).filteredOn(p -> p.channel().equals(ch) && p.key().endsWith("|header"))
                    .as("headers posted to %s", ch).hasSize(1);
        }
        assertThat(count("SELECT count(*) FROM outbox WHERE status = 'done'")).isEqualTo(posts.size());
        assertThat(count("SELECT count(*) FROM outbox WHERE status <> 'done'")).isZero();
    }

    // Every channel has its header posted, and nothing is waiting or in flight.
    private boolean delivered(List<String> channels) throws SQLException {
        long headers = platform.posts().stream().filter(p -> p.key().endsWith("|header")).map(FakePlatform.Post::channel)
                .distinct().count();
        return headers == channels.size() && count("SELECT count(*) FROM outbox WHERE status <> 'done'") == 0;
    }

    // Every channel's next digest is booked in Quartz's tables (tomorrow), so its schedule lives on.
    private boolean rebooked(List<String> channels) throws SQLException {
        long tomorrow = Instant.now().plus(Duration.ofHours(12)).toEpochMilli();
        return count("SELECT count(*) FROM qrtz_triggers WHERE trigger_name LIKE 'digest:%' AND next_fire_time > "
                + tomorrow) == channels.size();
    }

    // Read straight from the tables, not through the code under test.
    private long count(String sql) throws SQLException {
        try (Connection c = probe.connection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void await(CheckedCondition done) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!done.holds()) {
            assertThat(System.nanoTime()).as("still waiting after %s", WAIT).isLessThan(end);
            Thread.sleep(100);
        }
    }

    @FunctionalInterface
    private interface CheckedCondition {
        boolean holds() throws Exception;
    }
}
