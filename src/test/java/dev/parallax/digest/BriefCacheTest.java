package dev.parallax.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.Seeds;
import dev.parallax.TestApp;
import dev.parallax.claims.ClaimExtractor;
import dev.parallax.model.Article;
import dev.parallax.store.ClaimStore;
import dev.parallax.summarize.ExtractiveSummarizer;
import dev.parallax.summarize.SummaryBudget;
import dev.parallax.text.PosTagger;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.TermAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BriefCacheTest {
    @TempDir
    Path dir;

    private TestApp app;
    private BriefCache cache;
    private String seedStory;

    @BeforeEach
    void setUp() {
        app = new TestApp(dir);
        List<String> ids = app.ingest.ingest(List.of(Seeds.folder())).articleIds();
        seedStory = app.clustering.cluster(ids).get(ids.get(0));
        SentenceSplitter splitter = new SentenceSplitter();
        DigestService digests = new DigestService(app.articles, app.stories, new ClaimStore(app.db),
                new StoryAnalyzer(new ExtractiveSummarizer(splitter, new TermAnalyzer(), SummaryBudget.chat()),
                        new ClaimExtractor(splitter, new PosTagger())));
        cache = new BriefCache(app.stories, digests, 16);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    @DisplayName("an unchanged story is analysed once: digests and commands get the same brief")
    void unchangedStoryIsCached() {
        StoryBrief first = cache.brief(seedStory).orElseThrow();

        List<StoryBrief> inDigest = cache.of(List.of(seedStory, "no-such-story"));

        assertThat(first.articles()).hasSize(5);
        assertThat(inDigest).singleElement().isSameAs(first);
        assertThat(cache.brief(seedStory)).containsSame(first);
        assertThat(cache.brief("no-such-story")).isEmpty();
    }

    @Test
    @DisplayName("a story that gained an article is analysed again, with the new article")
    void changedStoryIsRebuilt() throws IOException {
        StoryBrief before = cache.brief(seedStory).orElseThrow();
        Path extra = Files.createDirectories(dir.resolve("extra"));
        Files.writeString(extra.resolve("late.txt"), Seeds.UNRELATED_ARTICLE);
        String late = app.ingest.ingest(List.of(extra)).articleIds().get(0);
        app.stories.assign(seedStory, late);

        StoryBrief after = cache.brief(seedStory).orElseThrow();

        assertThat(after).isNotSameAs(before);
        assertThat(after.articles()).extracting(Article::id).hasSize(6).contains(late);
        assertThat(cache.of(List.of(seedStory))).singleElement().isSameAs(after);
    }

    @Test
    @DisplayName("many requests for a story not analysed yet wait for one analysis and share its brief")
    void concurrentRequestsShareOneAnalysis() throws Exception {
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Optional<StoryBrief>>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return cache.brief(seedStory);
                }));
            }
            start.countDown();
            StoryBrief first = answers.get(0).get().orElseThrow();

            for (Future<Optional<StoryBrief>> answer : answers) {
                assertThat(answer.get()).containsSame(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
