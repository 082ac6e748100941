package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.MutableClock;
import dev.parallax.Seeds;
import dev.parallax.TestApp;
import dev.parallax.ingest.FolderIngestService;
import dev.parallax.model.Article;
import dev.parallax.store.ArticleStore;
import dev.parallax.store.Database;
import dev.parallax.store.DatabaseFixture;
import dev.parallax.store.HeldLock;
import dev.parallax.store.SourceStore;
import dev.parallax.store.StoryStore;
import dev.parallax.text.TermAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two instances clustering into one database: each its own pool and ClusterService, as two processes
 * would have. Runs on SQLite and, when a server is configured, on PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseFixture.Kind.class)
class SharedClusteringTest {
    private static final ClusterSettings EAGER_MERGE = ClusterSettings.defaults().withThreshold(0.1);

    @Parameter
    DatabaseFixture.Kind kind;

    @TempDir
    Path dir;

    private DatabaseFixture databases;
    private final TermAnalyzer analyzer = new TermAnalyzer();

    @BeforeEach
    void freshDatabase() {
        databases = DatabaseFixture.create(kind, dir);
    }

    @AfterEach
    void close() {
        if (databases != null) {
            databases.close();
        }
        analyzer.close();
    }

    @Test
    @DisplayName("one event reported through A and B in turn is one story; an unrelated report gets its own")
    void alternatingInstancesShareStories() {
        Instance a = instance(ClusterSettings.defaults());
        Instance b = instance(ClusterSettings.defaults());
        a.service.cluster(List.of()); // both started before any article came in
        b.service.cluster(List.of());

        String c1 = a.clusterNew(Articles.quakeChile("c1", 0, Articles.MONDAY)).get("c1");
        String c2 = b.clusterNew(Articles.quakeChile("c2", 1, Articles.MONDAY)).get("c2");
        String c3 = a.clusterNew(Articles.quakeChile("c3", 2, Articles.MONDAY)).get("c3");
        String t1 = b.clusterNew(Articles.quakeTurkey("t1", 0, Articles.MONDAY)).get("t1");
        String t2 = a.clusterNew(Articles.quakeTurkey("t2", 1, Articles.MONDAY)).get("t2");

        assertThat(List.of(c2, c3)).containsOnly(c1);
        assertThat(t2).isEqualTo(t1).isNotEqualTo(c1);
        assertThat(rawStoriesWithArticles(a.db)).isEqualTo(2);
    }

    @Test
    @DisplayName("a merge B made is seen by A: A's next reports of either half go to the surviving story")
    void mergeByOtherInstanceIsSeen() {
        Instance a = instance(EAGER_MERGE);
        Instance b = instance(EAGER_MERGE);
        b.service.cluster(List.of());
        Map<String, String> halves = new HashMap<>(a.clusterNew(
                new ClusterDocument("a1", "", StoryRepairTest.RESCUE, Articles.MONDAY),
                new ClusterDocument("a2", "", StoryRepairTest.TSUNAMI, Articles.MONDAY)));

        String survivor = b.clusterNew(new ClusterDocument("a3", "",
                StoryRepairTest.RESCUE + " " + StoryRepairTest.TSUNAMI, Articles.MONDAY)).get("a3");
        Map<String, String> later = a.clusterNew(
                new ClusterDocument("a4", "", StoryRepairTest.TSUNAMI + " Boric visited.", Articles.MONDAY),
                new ClusterDocument("a5", "", StoryRepairTest.RESCUE + " Sirens sounded.", Articles.MONDAY));

        assertThat(halves.values()).doesNotHaveDuplicates().contains(survivor);
        assertThat(later).containsEntry("a4", survivor).containsEntry("a5", survivor);
        assertThat(a.stories.articleIds(survivor)).containsExactlyInAnyOrder("a1", "a2", "a3", "a4", "a5");
    }

    @Test
    @DisplayName("instances clustering the same new articles at once assign each once, into one story")
    void concurrentInstancesAssignOnce() throws Exception {
        Instance a = instance(ClusterSettings.defaults());
        // SQLite serves one process: there the second clusterer is another thread on the same database.
        Instance b = kind == DatabaseFixture.Kind.POSTGRESQL ? instance(ClusterSettings.defaults())
                : instance(ClusterSettings.defaults(), a.db);
        Path folder = Seeds.copyTo(dir.resolve("in"));
        Files.writeString(folder.resolve("900_floods.txt"), Seeds.UNRELATED_ARTICLE);
        List<String> ids = a.ingest.ingest(List.of(folder)).articleIds();

        ExecutorService threads = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Map<String, String>>> results = new ArrayList<>();
        try {
            for (Instance i : List.of(a, b)) {
                results.add(threads.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return i.service.cluster(ids);
                }));
            }
            Map<String, String> fromA = results.get(0).get(60, TimeUnit.SECONDS);
            Map<String, String> fromB = results.get(1).get(60, TimeUnit.SECONDS);

            assertThat(fromB).isEqualTo(fromA).containsOnlyKeys(ids);
            String seedStory = fromA.get("000_67adb8930fa7d8e1");
            assertThat(ids.stream().filter(id -> !id.startsWith("900")).map(fromA::get)).containsOnly(seedStory);
            assertThat(fromA.get("900_floods")).isNotEqualTo(seedStory);
            assertThat(rawAssignments(a.db)).hasSize(ids.size()).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
            assertThat(rawStoriesWithArticles(a.db)).isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("a pass waits while another instance holds the clustering lock, then assigns what is left")
    void passWaitsForOtherInstance() throws Exception {
        Instance a = instance(ClusterSettings.defaults());
        Instance b = kind == DatabaseFixture.Kind.POSTGRESQL ? instance(ClusterSettings.defaults())
                : instance(ClusterSettings.defaults(), a.db);
        long source = a.sources.ensure("folder", "/news", "news");
        ClusterDocument c1 = Articles.quakeChile("c1", 0, Articles.MONDAY);
        a.articles.insert(new Article("c1", "Wire", "", "", c1.published(), c1.text()), source, "hash-c1", "/news/c1");

        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Map<String, String>> waiting;
            try (HeldLock held = a.stories.lockForClustering()) {
                waiting = thread.submit(() -> b.service.cluster(List.of("c1")));
                Thread.sleep(300);
                assertThat(waiting).isNotDone();
                assertThat(a.stories.unassignedSince(Articles.MONDAY)).containsExactly("c1");
            }
            assertThat(waiting.get(30, TimeUnit.SECONDS)).containsOnlyKeys("c1");
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    @DisplayName("the change log keeps a day; an instance that has not looked for longer rebuilds from the store")
    void staleInstanceRebuildsOnceTheLogIsPruned() {
        MutableClock clock = new MutableClock(TestApp.CLOCK.instant());
        Instance a = instance(ClusterSettings.defaults(), databases.open(), clock);
        Instance b = instance(ClusterSettings.defaults(), databases.open(), clock);
        String t1 = a.clusterNew(Articles.quakeTurkey("t1", 0, Articles.MONDAY)).get("t1");
        String c1 = b.clusterNew(Articles.quakeChile("c1", 0, Articles.MONDAY)).get("c1");
        String c2 = b.clusterNew(Articles.quakeChile("c2", 1, Articles.MONDAY)).get("c2");

        clock.advance(Duration.ofHours(25));
        b.service.cluster(List.of()); // B's pass forgets the changes of more than a day ago
        int logged = rawCount(a.db, "SELECT count(*) FROM cluster_changes");
        String c3 = a.clusterNew(Articles.quakeChile("c3", 2, Articles.MONDAY)).get("c3");

        assertThat(logged).isZero();
        assertThat(c2).isEqualTo(c1).isNotEqualTo(t1);
        assertThat(c3).isEqualTo(c1); // A learnt of B's story from the store, not from the pruned log
    }

    // One instance: its own pool on the shared database and its own working set.
    private Instance instance(ClusterSettings settings) {
        return instance(settings, databases.open());
    }

    private Instance instance(ClusterSettings settings, Database db) {
        return instance(settings, db, TestApp.CLOCK);
    }

    private Instance instance(ClusterSettings settings, Database db, Clock clock) {
        ArticleStore articles = new ArticleStore(db, clock);
        StoryStore stories = new StoryStore(db, clock);
        SourceStore sources = new SourceStore(db, clock);
        return new Instance(db, articles, stories, sources, new FolderIngestService(articles, sources, clock),
                new ClusterService(articles, stories, settings, analyzer, clock));
    }

    private record Instance(Database db, ArticleStore articles, StoryStore stories, SourceStore sources,
                            FolderIngestService ingest, ClusterService service) {
        Map<String, String> clusterNew(ClusterDocument... docs) {
            long source = sources.ensure("folder", "/news", "news");
            List<String> ids = new ArrayList<>();
            for (ClusterDocument d : docs) {
                articles.insert(new Article(d.id(), "Wire", d.title(), "", d.published(), d.text()), source,
                        "hash-" + d.id(), "/news/" + d.id());
                ids.add(d.id());
            }
            return service.cluster(ids);
        }
    }

    // Read straight from the tables, not through the code under test.
    private static int rawStoriesWithArticles(Database db) {
        return rawCount(db, "SELECT count(DISTINCT story_id) FROM story_articles");
    }

    private static int rawCount(Database db, String sql) {
        return rawQuery(db, sql, rs -> {
            rs.next();
            return rs.getInt(1);
        });
    }

    private static Map<String, Integer> rawAssignments(Database db) {
        return rawQuery(db, "SELECT article_id, count(*) FROM cluster_changes WHERE kind = 'assign'"
                + " GROUP BY article_id", rs -> {
                    Map<String, Integer> out = new HashMap<>();
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                    return out;
                });
    }

    private static <T> T rawQuery(Database db, String sql, Rows<T> read) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            return read.from(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Rows<T> {
        T from(ResultSet rs) throws SQLException;
    }
}
