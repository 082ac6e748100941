package dev.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChannelStoreTest extends StoreContract {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-09-01T06:00:00Z"));

    @Test
    @DisplayName("declaring again keeps the schedule's cursor, unless the schedule or zone changed")
    void declareKeepsOrResetsCursor() {
        ChannelStore channels = new ChannelStore(db(), clock);
        channels.declare("console:stdout", "console", "stdout", "08:00", "UTC", List.of("a b"), List.of());
        clock.advance(Duration.ofHours(3));

        channels.declare("console:stdout", "console", "stdout", "08:00", "UTC", List.of("a b"), List.of("c"));
        Instant kept = channels.find("console:stdout").orElseThrow().lastPeriod();
        channels.declare("console:stdout", "console", "stdout", "09:00", "UTC", List.of(), List.of());
        ChannelRow moved = channels.find("console:stdout").orElseThrow();

        assertThat(kept).isEqualTo(Instant.parse("2025-09-01T06:00:00Z"));
        assertThat(moved.lastPeriod()).isEqualTo(Instant.parse("2025-09-01T09:00:00Z"));
        assertThat(moved.fromConfig()).isTrue();
    }

    @Test
    @DisplayName("channels dropped from the config lose their schedule; chat-registered ones are left alone")
    void retireUndeclared() {
        ChannelStore channels = new ChannelStore(db(), clock);
        channels.declare("console:stdout", "console", "stdout", "08:00", "UTC", List.of(), List.of());
        channels.declare("file:out", "file", "out", "09:00", "UTC", List.of(), List.of());
        channels.register("slack:C1", "slack", "C1");
        channels.setSchedule("slack:C1", "07:00", "UTC");

        List<String> retired = channels.retireUndeclared(List.of("console:stdout"));

        assertThat(retired).containsExactly("file:out");
        assertThat(channels.find("file:out").orElseThrow().schedule()).isNull();
        assertThat(channels.find("slack:C1").orElseThrow().schedule()).isEqualTo("07:00");
        assertThat(channels.find("console:stdout").orElseThrow().schedule()).isEqualTo("08:00");
    }

    @Test
    @DisplayName("a disabled channel keeps its reason until it is enabled again")
    void disableAndEnable() {
        ChannelStore channels = new ChannelStore(db(), clock);
        channels.register("slack:C1", "slack", "C1");

        channels.disable("slack:C1", "channel_not_found");
        ChannelRow off = channels.find("slack:C1").orElseThrow();
        channels.enable("slack:C1");

        assertThat(off.enabled()).isFalse();
        assertThat(off.disabledReason()).isEqualTo("channel_not_found");
        assertThat(channels.find("slack:C1").orElseThrow().enabled()).isTrue();
        assertThat(channels.find("slack:C1").orElseThrow().disabledReason()).isNull();
    }

    @Test
    @DisplayName("a digest built on stale channel state is refused whole: nothing queued, nothing marked")
    void staleBuildIsSuperseded() {
        Database db = db();
        ChannelStore channels = new ChannelStore(db, clock);
        OutboxStore outbox = new OutboxStore(db, clock);
        channels.register("fake:x", "fake", "x");
        OutboxItem item = new OutboxItem("fake:x|now|header", null, "header", "{}");
        StoryMark mark = new StoryMark("s1", "fake:x|now|story|s1", List.of("A"), "");

        OutboxStore.EnqueueOutcome first = outbox.enqueue(new OutboxStore.Batch("fake:x", 0, null, clock.instant(),
                List.of(item), List.of(mark)));
        OutboxStore.EnqueueOutcome stale = outbox.enqueue(new OutboxStore.Batch("fake:x", 0, null, clock.instant(),
                List.of(new OutboxItem("fake:x|later|header", null, "header", "{}")), List.of()));

        assertThat(first).isEqualTo(new OutboxStore.EnqueueOutcome.Queued(1));
        assertThat(stale).isEqualTo(new OutboxStore.EnqueueOutcome.Superseded());
        assertThat(outbox.backlog().depth()).isEqualTo(1);
        assertThat(channels.find("fake:x").orElseThrow().digestCount()).isEqualTo(1);
    }
}
