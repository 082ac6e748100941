package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.TestApp;
import dev.parallax.model.Article;
import dev.parallax.store.SourceStore;
import dev.parallax.text.TermAnalyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterServiceTest {
    @TempDir
    Path dir;

    private final TermAnalyzer analyzer = new TermAnalyzer();

    @AfterEach
    void close() {
        analyzer.close();
    }

    @Test
    @DisplayName("after a restart the working set comes back from the store: a new report joins its story")
    void restartRestoresWorkingSet() {
        try (TestApp app = new TestApp(dir)) {
            long source = new SourceStore(app.db, TestApp.CLOCK).ensure("folder", "/news", "news");
            insert(app, source, Articles.quakeChile("c1", 0, Articles.MONDAY));
            insert(app, source, Articles.quakeTurkey("t1", 0, Articles.MONDAY));
            Map<String, String> before = service(app).cluster(List.of("c1", "t1"));

            insert(app, source, Articles.quakeChile("c2", 1, Articles.MONDAY));
            insert(app, source, Articles.quakeTurkey("t2", 1, Articles.MONDAY));
            Map<String, String> after = service(app).cluster(List.of("c2", "t2"));

            assertThat(before.get("c1")).isNotEqualTo(before.get("t1"));
            assertThat(after).containsEntry("c2", before.get("c1")).containsEntry("t2", before.get("t1"));
            assertThat(app.stories.count()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("clustering the same articles twice assigns nothing new and leaves the stories as they were")
    void repeatIsNoOp() {
        try (TestApp app = new TestApp(dir)) {
            long source = new SourceStore(app.db, TestApp.CLOCK).ensure("folder", "/news", "news");
            insert(app, source, Articles.quakeChile("c1", 0, Articles.MONDAY));
            insert(app, source, Articles.budget("b1", Articles.MONDAY));
            ClusterService service = service(app);
            Map<String, String> first = service.cluster(List.of("c1", "b1"));

            Map<String, String> second = service.cluster(List.of("c1", "b1"));

            assertThat(second).isEqualTo(first);
            assertThat(app.stories.count()).isEqualTo(2);
            assertThat(app.stories.unassignedSince(Articles.MONDAY.minusSeconds(86_400 * 365))).isEmpty();
        }
    }

    @Test
    @DisplayName("a stored story that holds two events is split when a new report re-clusters it; its id keeps the rest")
    void storedMixedStorySplits() {
        try (TestApp app = new TestApp(dir)) {
            long source = new SourceStore(app.db, TestApp.CLOCK).ensure("folder", "/news", "news");
            for (ClusterDocument d : List.of(Articles.quakeChile("c1", 0, Articles.MONDAY),
                    Articles.quakeTurkey("t1", 0, Articles.MONDAY), Articles.quakeChile("c2", 1, Articles.MONDAY))) {
                insert(app, source, d);
                app.stories.assign("s-mixed", d.id()); // as an earlier, wrong decision left it
            }
            insert(app, source, Articles.quakeChile("c3", 2, Articles.MONDAY));

            Map<String, String> after = service(app).cluster(List.of("c1", "t1", "c2", "c3"));

            assertThat(after).containsEntry("c1", "s-mixed").containsEntry("c2", "s-mixed")
                    .containsEntry("c3", "s-mixed");
            assertThat(after.get("t1")).isNotEqualTo("s-mixed");
            assertThat(app.stories.articleIds("s-mixed")).containsExactlyInAnyOrder("c1", "c2", "c3");
            assertThat(app.stories.resolve("s-mixed")).contains("s-mixed");
        }
    }

    private ClusterService service(TestApp app) {
        return new ClusterService(app.articles, app.stories, ClusterSettings.defaults(), analyzer, TestApp.CLOCK);
    }

    private static void insert(TestApp app, long source, ClusterDocument d) {
        app.articles.insert(new Article(d.id(), "Wire", d.title(), "", d.published(), d.text()), source,
                "hash-" + d.id(), "/news/" + d.id());
    }
}
