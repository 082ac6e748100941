package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.TestApp;
import dev.parallax.model.Article;
import dev.parallax.store.SourceStore;
import dev.parallax.text.TermAnalyzer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryRepairTest {
    // Two halves of one report that share few words, and the full report that bridges them.
    static final String RESCUE = "President Gabriel Boric flew to Iquique in northern Chile, where rescue"
            + " teams searched collapsed homes and the navy ordered the coast evacuated after the magnitude 7.1 quake.";
    static final String TSUNAMI = "Tsunami sirens sounded along the Tarapaca shore and fishermen in Arica"
            + " hauled their boats inland while the Pacific warning centre measured waves of 40 centimetres.";
    // The halves share few words: only an article holding both shows they are one.
    private static final ClusterSettings EAGER_MERGE = ClusterSettings.defaults().withThreshold(0.1);

    @TempDir
    Path dir;

    private final TermAnalyzer analyzer = new TermAnalyzer();

    @AfterEach
    void close() {
        analyzer.close();
    }

    @Test
    @DisplayName("an article that fits two stories shows they are one: they merge, and later articles join the survivor")
    void bridgeMergesStories() {
        StoryClusterer clusterer = new StoryClusterer(EAGER_MERGE, analyzer);
        Assignment rescue = clusterer.add(new ClusterDocument("a1", "", RESCUE, Articles.MONDAY));
        Assignment tsunami = clusterer.add(new ClusterDocument("a2", "", TSUNAMI, Articles.MONDAY));

        Assignment bridge = clusterer.add(new ClusterDocument("a3", "", RESCUE + " " + TSUNAMI, Articles.MONDAY));
        List<StoryRepair> repairs = clusterer.drainRepairs();

        assertThat(tsunami.storyId()).isNotEqualTo(rescue.storyId());
        assertThat(repairs).singleElement().isInstanceOfSatisfying(StoryRepair.Merged.class, m -> {
            assertThat(List.of(m.from(), m.to())).containsExactlyInAnyOrder(rescue.storyId(), tsunami.storyId());
            assertThat(bridge.storyId()).isEqualTo(m.to());
        });
        assertThat(clusterer.add(new ClusterDocument("a4", "", TSUNAMI + " Boric visited.", Articles.MONDAY))
                .storyId()).isEqualTo(bridge.storyId());
        assertThat(clusterer.drainRepairs()).isEmpty();
    }

    @Test
    @DisplayName("a story restored holding two events splits when the next article re-clusters it; most keep the id")
    void twoEventsSplit() {
        // As if an earlier run had put both quakes in one story: only re-clustering can undo it.
        StoryClusterer clusterer = new StoryClusterer(ClusterSettings.defaults(), analyzer);
        clusterer.addKnown(Articles.quakeChile("c1", 0, Articles.MONDAY), "s-mixed");
        clusterer.addKnown(Articles.quakeTurkey("t1", 0, Articles.MONDAY), "s-mixed");
        clusterer.addKnown(Articles.quakeChile("c2", 1, Articles.MONDAY), "s-mixed");

        Assignment next = clusterer.add(Articles.quakeChile("c3", 2, Articles.MONDAY));
        List<StoryRepair> repairs = clusterer.drainRepairs();
        Assignment later = clusterer.add(Articles.quakeTurkey("t2", 1, Articles.MONDAY));

        assertThat(next.storyId()).isEqualTo("s-mixed");
        assertThat(repairs).singleElement().isInstanceOfSatisfying(StoryRepair.Split.class, split -> {
            assertThat(split.from()).isEqualTo("s-mixed");
            assertThat(split.to()).isNotEqualTo("s-mixed");
            assertThat(split.articleIds()).containsExactly("t1");
            assertThat(later.storyId()).isEqualTo(split.to());
        });
    }

    @Test
    @DisplayName("the store applies a merge: articles move, and the old story id resolves to the survivor")
    void storedMergeKeepsOldIdsResolvable() {
        try (TestApp app = new TestApp(dir)) {
            long source = new SourceStore(app.db, TestApp.CLOCK).ensure("folder", "/news", "news");
            ClusterService service = new ClusterService(app.articles, app.stories, EAGER_MERGE, analyzer,
                    TestApp.CLOCK);
            Map<String, String> firstTwo = service.cluster(List.of(insert(app, source, "a1", RESCUE),
                    insert(app, source, "a2", TSUNAMI)));
            String bridge = insert(app, source, "a3", RESCUE + " " + TSUNAMI);

            Map<String, String> all = service.cluster(List.of("a1", "a2", bridge));

            String survivor = all.get("a3");
            assertThat(all).containsOnlyKeys("a1", "a2", "a3")
                    .allSatisfy((id, story) -> assertThat(story).isEqualTo(survivor));
            assertThat(firstTwo.values()).hasSize(2).doesNotHaveDuplicates().contains(survivor);
            String merged = firstTwo.values().stream().filter(s -> !s.equals(survivor)).findFirst().orElseThrow();
            assertThat(app.stories.resolve(merged)).contains(survivor);
            assertThat(app.stories.resolve(survivor)).contains(survivor);
            assertThat(rawAlias(app, merged)).contains(survivor);
        }
    }

    @Test
    @DisplayName("merging a survivor again re-points every older alias, and unknown ids resolve to nothing")
    void aliasChainsFlatten() {
        try (TestApp app = new TestApp(dir)) {
            long source = new SourceStore(app.db, TestApp.CLOCK).ensure("folder", "/news", "news");
            for (String id : List.of("x", "y", "z")) {
                app.articles.insert(new Article(id, "Wire", "", "", null, "Text of " + id), source, "h" + id, "/" + id);
                app.stories.assign("s-" + id, id);
            }

            app.stories.merge("s-x", "s-y");
            app.stories.merge("s-y", "s-z");

            assertThat(app.stories.resolve("s-x")).contains("s-z");
            assertThat(app.stories.resolve("s-y")).contains("s-z");
            assertThat(app.stories.articleIds("s-z")).containsExactlyInAnyOrder("x", "y", "z");
            assertThat(app.stories.resolve("s-unknown")).isEqualTo(Optional.empty());
        }
    }

    @Test
    @DisplayName("a split moves only the named articles; the old id keeps the rest")
    void storedSplitMovesArticles() {
        try (TestApp app = new TestApp(dir)) {
            long source = new SourceStore(app.db, TestApp.CLOCK).ensure("folder", "/news", "news");
            for (String id : List.of("x", "y", "z")) {
                app.articles.insert(new Article(id, "Wire", "", "", null, "Text of " + id), source, "h" + id, "/" + id);
                app.stories.assign("s-1", id);
            }

            app.stories.moveArticles(List.of("z"), "s-2");

            assertThat(app.stories.articleIds("s-1")).containsExactlyInAnyOrder("x", "y");
            assertThat(app.stories.articleIds("s-2")).containsExactly("z");
            assertThat(app.stories.resolve("s-1")).contains("s-1");
        }
    }

    private static String insert(TestApp app, long source, String id, String text) {
        return app.articles.insert(new Article(id, "Wire", "", "", Articles.MONDAY, text), source, "hash-" + id,
                "/news/" + id).articleId();
    }

    // Reads the alias table directly, not through the code under test.
    private static Optional<String> rawAlias(TestApp app, String alias) {
        try (Connection c = app.db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT story_id FROM story_aliases WHERE alias_id = ?")) {
            ps.setString(1, alias);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
