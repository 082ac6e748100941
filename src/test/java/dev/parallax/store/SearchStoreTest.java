package dev.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.model.Article;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Search over headlines and article text: FTS5 on SQLite, tsvector on PostgreSQL, the same answers. */
class SearchStoreTest extends StoreContract {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-01T00:00:00Z"), ZoneOffset.UTC);

    /** Three stories: a summit (headline set), floods, and a harvest named only in one article's title. */
    private SearchStore seeded() {
        Database db = db();
        ArticleStore articles = new ArticleStore(db, CLOCK);
        StoryStore stories = new StoryStore(db, CLOCK);
        long source = new SourceStore(db, CLOCK).ensure("folder", "/in", "in");
        add(articles, stories, source, "summit", "a1", "Wire", "Leaders gather in Beijing",
                "The leaders met in Beijing on Sunday for a security summit that lasted two days.");
        add(articles, stories, source, "summit", "a2", "Daily", "Talks open",
                "A summit of twenty leaders opened with talks on trade and energy.");
        add(articles, stories, source, "floods", "a3", "Courier", "Rivers burst their banks",
                "Heavy rain flooded villages along the river; the harvest of several farms was lost.");
        add(articles, stories, source, "harvest", "a4", "Farmer", "Record harvest in the valley",
                "Farmers brought in more grain than in any year since records began.");
        stories.setHeadline("summit", "Beijing summit of twenty leaders");
        return new SearchStore(db);
    }

    private static void add(ArticleStore articles, StoryStore stories, long source, String story, String id,
                            String outlet, String title, String body) {
        articles.insert(new Article(id, outlet, title, "https://example.org/" + id, null, body), source, "h-" + id,
                "/in/" + id);
        stories.assign(story, id);
    }

    @Test
    @DisplayName("a word of an article's text finds its story, with a passage around the word")
    void findsByArticleText() {
        SearchStore search = seeded();

        List<SearchStore.Hit> hits = search.search("energy", 5);

        assertThat(hits).extracting(h -> h.story().id()).containsExactly("summit");
        assertThat(hits.get(0).snippet()).containsIgnoringCase("energy");
        assertThat(hits.get(0).story().headline()).isEqualTo("Beijing summit of twenty leaders");
        assertThat(hits.get(0).story().outlets()).isEqualTo(2);
    }

    @Test
    @DisplayName("every word must match; when no story has them all, any of them will do")
    void allWordsThenAny() {
        SearchStore search = seeded();

        List<SearchStore.Hit> both = search.search("leaders Sunday", 5);
        List<SearchStore.Hit> either = search.search("energy villages", 5);

        assertThat(both).extracting(h -> h.story().id()).containsExactly("summit");
        assertThat(either).extracting(h -> h.story().id()).containsExactlyInAnyOrder("summit", "floods");
    }

    @Test
    @DisplayName("a word in a title ranks above the same word in a body, and word forms match (harvests, harvest)")
    void titleAboveBodyAndStems() {
        SearchStore search = seeded();

        List<SearchStore.Hit> hits = search.search("harvests", 5);

        assertThat(hits).extracting(h -> h.story().id()).containsExactly("harvest", "floods");
        assertThat(hits.get(0).story().headline()).isEqualTo("Record harvest in the valley"); // no headline: its first title
    }

    @Test
    @DisplayName("what a user types stays words: quotes, stars, operators and column filters change nothing or find nothing")
    void typedSyntaxIsOnlyWords() {
        SearchStore search = seeded();

        List<SearchStore.Hit> quoted = search.search("\"energy\" OR title:* & !(", 5);
        List<SearchStore.Hit> noWords = search.search("&|!:*()\"", 5);

        assertThat(quoted).extracting(h -> h.story().id()).containsExactly("summit");
        assertThat(noWords).isEmpty();
    }

    @Test
    @DisplayName("suggestions complete a story id typed in any case, then the words typed so far (the last one a prefix)")
    void suggestions() {
        SearchStore search = seeded();

        List<SearchStore.StoryRow> byId = search.suggest("SUMM", 5);
        List<SearchStore.StoryRow> byPrefix = search.suggest("twenty lead", 5);
        List<SearchStore.StoryRow> recent = search.suggest("", 2);

        assertThat(byId).extracting(SearchStore.StoryRow::id).first().isEqualTo("summit");
        assertThat(byPrefix).extracting(SearchStore.StoryRow::id).containsExactly("summit");
        assertThat(recent).hasSize(2);
        assertThat(search.story("floods")).map(SearchStore.StoryRow::outlets).contains(1);
        assertThat(search.story("nope")).isEmpty();
    }
}
