package dev.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parallax.MutableClock;
import dev.parallax.model.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Stories, their articles and their repairs, the same on both databases. */
class StoryStoreTest extends StoreContract {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-09-01T08:00:00Z"));

    private StoryStore withArticles(String... ids) {
        Database db = db();
        ArticleStore articles = new ArticleStore(db, clock);
        long source = new SourceStore(db, clock).ensure("folder", "/in", "in");
        for (String id : ids) {
            articles.insert(new Article(id, "Outlet " + id, "Title " + id, "", null, "Body of " + id), source,
                    "hash-" + id, "/in/" + id);
            clock.advance(Duration.ofSeconds(1));
        }
        return new StoryStore(db, clock);
    }

    @Test
    @DisplayName("an article joins one story for good; stories list their articles in the order they joined")
    void assignOnce() {
        StoryStore stories = withArticles("a1", "a2", "a3");

        stories.assign("s1", "a1");
        clock.advance(Duration.ofSeconds(1));
        stories.assign("s1", "a2");
        stories.assign("s2", "a2"); // already in s1: stays there
        stories.assign("s2", "a3");

        assertThat(stories.articleIds("s1")).containsExactly("a1", "a2");
        assertThat(stories.storiesOf(List.of("a1", "a2", "a3", "nope")))
                .containsEntry("a1", "s1").containsEntry("a2", "s1").containsEntry("a3", "s2").hasSize(3);
        assertThat(stories.count()).isEqualTo(2);
        assertThat(stories.unassignedSince(Instant.parse("2025-09-01T00:00:00Z"))).isEmpty();
    }

    @Test
    @DisplayName("a merged story's id, and the ids merged into it before, resolve to the story that holds its articles")
    void mergeKeepsIdsResolvable() {
        StoryStore stories = withArticles("a1", "a2", "a3");
        stories.assign("s1", "a1");
        stories.assign("s2", "a2");
        stories.assign("s3", "a3");
        Instant beforeMerge = clock.instant();
        clock.advance(Duration.ofMinutes(1));

        stories.merge("s1", "s2");
        stories.merge("s2", "s3");

        assertThat(stories.articleIds("s3")).containsExactlyInAnyOrder("a1", "a2", "a3");
        assertThat(stories.resolve("s1")).contains("s3");
        assertThat(stories.resolve("s2")).contains("s3");
        assertThat(stories.resolve("s3")).contains("s3");
        assertThat(stories.resolve("nope")).isEmpty();
        assertThat(stories.changedSince(beforeMerge)).contains("s3");
    }

    @Test
    @DisplayName("a split moves articles into a new story, which is no alias any more")
    void splitMovesArticles() {
        StoryStore stories = withArticles("a1", "a2", "a3");
        stories.assign("s1", "a1");
        stories.assign("s1", "a2");
        stories.assign("s1", "a3");
        stories.assign("s2", "a1");
        stories.merge("s2", "s1");

        stories.moveArticles(List.of("a2", "a3"), "s2");

        assertThat(stories.articleIds("s1")).containsExactly("a1");
        assertThat(stories.articleIds("s2")).containsExactlyInAnyOrder("a2", "a3");
        assertThat(stories.resolve("s2")).contains("s2");
    }

    @Test
    @DisplayName("assignments, merges and moves are logged in the order made; a refused assignment logs nothing")
    void changesAreLogged() {
        StoryStore stories = withArticles("a1", "a2", "a3");
        long before = stories.lastChange();

        stories.assign("s1", "a1");
        boolean again = stories.assign("s9", "a1"); // a1 has a story: nothing changes, s9 is not created
        stories.assign("s2", "a2");
        stories.merge("s2", "s1");
        stories.moveArticles(List.of("a2"), "s3");

        List<StoryChange> changes = stories.changesAfter(before);
        assertThat(again).isFalse();
        assertThat(stories.resolve("s9")).isEmpty();
        assertThat(changes).extracting(c -> c.getClass().getSimpleName() + " " + describe(c)).containsExactly(
                "Assigned a1 s1", "Assigned a2 s2", "Merged s2 s1", "Moved a2 s3");
        assertThat(changes).extracting(StoryChange::seq).isSorted().doesNotHaveDuplicates();
        assertThat(stories.lastChange()).isEqualTo(changes.get(3).seq());
        assertThat(stories.changesAfter(changes.get(1).seq())).hasSize(2);
    }

    @Test
    @DisplayName("the clustering lock lets one holder in at a time; the next gets it once the first lets go")
    void clusteringLockExcludes() throws Exception {
        StoryStore first = withArticles();
        // Another instance on PostgreSQL; on SQLite (one process per file) another thread of this one.
        StoryStore second = kind == DatabaseFixture.Kind.POSTGRESQL ? new StoryStore(databases.open(), clock) : first;
        CountDownLatch taken = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> waiter;
            try (HeldLock held = first.lockForClustering()) {
                waiter = other.submit(() -> {
                    try (HeldLock mine = second.lockForClustering()) {
                        taken.countDown();
                    }
                });
                assertThat(taken.await(300, TimeUnit.MILLISECONDS)).isFalse();
            }
            assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
            waiter.get(10, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    @DisplayName("a pass that waits too long for the clustering lock fails with a message saying so")
    void clusteringLockWaitRunsOut() throws Exception {
        StoryStore first = withArticles();
        StoryStore second = kind == DatabaseFixture.Kind.POSTGRESQL ? new StoryStore(databases.open(), clock) : first;
        try (HeldLock held = first.lockForClustering()) {
            assertWaitRunsOut(second);
        }
        try (HeldLock again = second.lockForClustering(Duration.ofSeconds(5))) {
            assertThat(again).isNotNull(); // a run-out wait leaves nothing held behind
        }
    }

    @Test
    @DisplayName("a holder that stops renewing loses the clustering lock after its lease; waking, it is told so")
    void clusteringLeaseLapses() throws Exception {
        Assumptions.assumeTrue(kind == DatabaseFixture.Kind.POSTGRESQL,
                "SQLite: one process holds the file, so a hung holder is this process and there is no lease");
        StoryStore hung = withArticles();
        StoryStore other = new StoryStore(databases.open(), clock);
        HeldLock held = hung.lockForClustering(Duration.ofSeconds(5), Duration.ofMillis(500));

        // The holder does nothing; the server ends its session once the lease is out.
        try (HeldLock taken = other.lockForClustering(Duration.ofSeconds(10))) {
            assertThat(taken).isNotNull();
            assertThatThrownBy(held::renew).isInstanceOf(StoreException.class)
                    .hasMessageContaining("lock clustering lapsed").hasMessageContaining("the work under it stops");
            held.close(); // nothing left to release: warns, does not throw
        }
    }

    @Test
    @DisplayName("renewals keep the clustering lock past its lease")
    void clusteringLeaseRenewed() throws Exception {
        StoryStore first = withArticles();
        StoryStore second = kind == DatabaseFixture.Kind.POSTGRESQL ? new StoryStore(databases.open(), clock) : first;
        try (HeldLock held = first.lockForClustering(Duration.ofSeconds(5), Duration.ofMillis(400))) {
            for (int i = 0; i < 12; i++) {
                Thread.sleep(50);
                held.renew();
            }
            assertWaitRunsOut(second);
            held.renew(); // still ours
        }
    }

    // Another thread waits 200 ms for the lock and gives up, saying so (a thread even on SQLite: the
    // in-process lock is reentrant for its holder).
    private static void assertWaitRunsOut(StoryStore waiting) {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> waiter = other.submit(() -> waiting.lockForClustering(Duration.ofMillis(200)).close());

            assertThatThrownBy(() -> waiter.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class)
                    .hasMessageContaining("lock clustering is still held elsewhere after 0 s");
        } finally {
            other.shutdownNow();
        }
    }

    private static String describe(StoryChange c) {
        if (c instanceof StoryChange.Assigned a) {
            return a.articleId() + " " + a.storyId();
        }
        if (c instanceof StoryChange.Merged m) {
            return m.fromId() + " " + m.intoId();
        }
        StoryChange.Moved m = (StoryChange.Moved) c;
        return m.articleId() + " " + m.storyId();
    }
}
