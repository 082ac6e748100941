package dev.parallax.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.store.SourcePoll;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PollPolicyTest {
    private static final Instant NOW = Instant.parse("2025-09-01T08:00:00Z");
    private static final Duration EVERY = Duration.ofMinutes(15);
    private final PollPolicy policy = new PollPolicy(Duration.ofHours(6), 4);

    private static SourcePoll source(int failures) {
        return new SourcePoll(7, "feed", "https://n.example/feed", "N", EVERY, "\"old\"", "Sun, 31 Aug 2025 00:00:00 GMT",
                null, null, "new", null, failures, NOW, null);
    }

    private static SourceResult.Read read(String etag) {
        return new SourceResult.Read("feed", "News", etag, null, List.of("a"), List.of("a"), 0, 0, List.of());
    }

    @Test
    @DisplayName("a read resets failures, keeps the new validators and the name, and is due one interval later")
    void success() {
        SourcePoll next = policy.next(source(3), read("\"new\""), NOW);

        assertThat(next.failures()).isZero();
        assertThat(next.etag()).isEqualTo("\"new\"");
        assertThat(next.name()).isEqualTo("News");
        assertThat(next.lastStatus()).isEqualTo("ok");
        assertThat(next.nextDue()).isEqualTo(NOW.plus(EVERY));
        assertThat(next.lastSuccess()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("304 keeps the old validators")
    void notModified() {
        SourcePoll next = policy.next(source(0), new SourceResult.NotModified(), NOW);

        assertThat(next.etag()).isEqualTo("\"old\"");
        assertThat(next.lastStatus()).isEqualTo("not_modified");
        assertThat(next.nextDue()).isEqualTo(NOW.plus(EVERY));
    }

    @Test
    @DisplayName("failures back off exponentially (30m, 60m, 2h...) up to the cap, and disable at the limit")
    void backoffThenDisable() {
        SourcePoll s = source(0);
        List<Duration> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            s = policy.next(s, new SourceResult.Failed("HTTP 500", false), NOW);
            waits.add(Duration.between(NOW, s.nextDue()));
        }

        assertThat(waits).containsExactly(Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofMinutes(120),
                Duration.ofMinutes(240));
        assertThat(s.disabledReason()).isEqualTo("4 failures in a row; last: HTTP 500");
        assertThat(policy.backoff(EVERY, 10)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    @DisplayName("a permanent failure (410, blocked address) disables at once, with its reason")
    void permanentFailure() {
        SourcePoll next = policy.next(source(0), new SourceResult.Failed("HTTP 410 Gone: the source was removed", true),
                NOW);

        assertThat(next.disabled()).isTrue();
        assertThat(next.disabledReason()).contains("410");
        assertThat(next.lastError()).contains("410");
    }

    @Test
    @DisplayName("throttled: the server's Retry-After is respected, never sooner than twice the interval, no failure")
    void throttled() {
        SourcePoll asked = policy.next(source(1), new SourceResult.Throttled(Optional.of(Duration.ofHours(2)), "HTTP 429"),
                NOW);
        SourcePoll unspecified = policy.next(source(1), new SourceResult.Throttled(Optional.empty(), "HTTP 429"), NOW);
        SourcePoll huge = policy.next(source(1), new SourceResult.Throttled(Optional.of(Duration.ofDays(30)), "HTTP 503"),
                NOW);

        assertThat(asked.nextDue()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(asked.failures()).isEqualTo(1);
        assertThat(asked.disabled()).isFalse();
        assertThat(unspecified.nextDue()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(huge.nextDue()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }
}
