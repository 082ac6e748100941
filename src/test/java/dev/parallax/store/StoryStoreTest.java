package dev.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.MutableClock;
import dev.parallax.model.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
}
