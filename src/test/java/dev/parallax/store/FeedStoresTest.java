package dev.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.MutableClock;
import dev.parallax.model.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Polled sources, feed entries and channel subscriptions, the same on both databases. */
class FeedStoresTest extends StoreContract {
    private static final String FEED = "https://example.org/feed.xml";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-09-01T08:00:00Z"));

    @Test
    @DisplayName("a polled source is due at once, then when its saved state says; adding it again re-enables it")
    void pollState() {
        Database db = db();
        SourcePollStore polls = new SourcePollStore(db, clock);
        long id = new SourceStore(db, clock).ensure("feed", FEED, FEED);

        SourcePollStore.Added added = polls.add(id, Duration.ofMinutes(15));
        List<SourcePoll> dueAtOnce = polls.due(clock.instant());
        SourcePoll polled = added.source();
        polls.save(new SourcePoll(id, "feed", FEED, "Example", polled.interval(), "\"etag-1\"", null, clock.instant(),
                clock.instant(), "ok", null, 0, clock.instant().plus(Duration.ofMinutes(15)), "gone"));
        List<SourcePoll> dueWhileDisabled = polls.due(clock.instant().plus(Duration.ofHours(1)));
        SourcePollStore.Added again = polls.add(id, Duration.ofMinutes(30));

        assertThat(added).isInstanceOf(SourcePollStore.Added.New.class);
        assertThat(dueAtOnce).extracting(SourcePoll::id).containsExactly(id);
        assertThat(dueWhileDisabled).isEmpty();
        assertThat(again).isInstanceOf(SourcePollStore.Added.Existing.class);
        assertThat(again.source().disabled()).isFalse();
        assertThat(again.source().etag()).isEqualTo("\"etag-1\"");
        assertThat(again.source().name()).isEqualTo("Example");
        assertThat(again.source().interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(polls.remove(id)).isTrue();
        assertThat(polls.all()).isEmpty();
    }

    @Test
    @DisplayName("feed entries are remembered per source, and an article is found again by its canonical URL")
    void feedEntries() {
        Database db = db();
        long id = new SourceStore(db, clock).ensure("feed", FEED, FEED);
        new ArticleStore(db, clock).insert(new Article("a1", "Ex", "T", "https://example.org/a1", null, "B"), id,
                "h1", "https://example.org/a1");
        FeedEntryStore entries = new FeedEntryStore(db, clock);

        entries.record(id, "guid-1", "https://example.org/a1", "a1");
        entries.record(id, "guid-2", null, null);
        entries.record(id, "guid-2", "", null); // recorded again: still one entry

        assertThat(entries.seen(id, List.of("guid-1", "guid-2", "guid-3")))
                .containsEntry("guid-1", new FeedEntryStore.Seen(Optional.of("a1")))
                .containsEntry("guid-2", new FeedEntryStore.Seen(Optional.empty())).hasSize(2);
        assertThat(entries.articleAt("https://example.org/a1")).contains("a1");
        assertThat(entries.articleAt("https://example.org/other")).isEmpty();
    }

    @Test
    @DisplayName("a channel subscribes to a feed once, sees its subscriptions in order, and can drop one")
    void subscriptions() {
        Database db = db();
        SubscriptionStore subs = new SubscriptionStore(db, clock);
        SourceStore sources = new SourceStore(db, clock);
        long feed = sources.ensure("feed", FEED, "Example");
        long other = sources.ensure("feed", "https://example.org/other.xml", "Other");

        boolean first = subs.subscribe("slack:C1", "slack", "C1", feed, "U1");
        boolean again = subs.subscribe("slack:C1", "slack", "C1", feed, "U1");
        clock.advance(Duration.ofMinutes(1));
        subs.subscribe("slack:C1", "slack", "C1", other, "U2");
        boolean dropped = subs.unsubscribe("slack:C1", FEED);
        boolean droppedAgain = subs.unsubscribe("slack:C1", FEED);

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(dropped).isTrue();
        assertThat(droppedAgain).isFalse();
        assertThat(subs.list("slack:C1")).extracting(SubscriptionStore.Subscription::url)
                .containsExactly("https://example.org/other.xml");
        assertThat(subs.followsAny("slack:C1")).isTrue();
        assertThat(subs.followsAny("slack:C2")).isFalse();
        assertThat(new ChannelStore(db, clock).find("slack:C1")).isPresent();
    }
}
