package dev.parallax.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DigestPlannerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-09-02T10:00:00Z"));
    private final DigestPlanner planner = new DigestPlanner(clock, Duration.ofHours(6));
    private final DigestSchedule daily8 = DigestSchedule.parse("08:00", "UTC");

    @Test
    @DisplayName("a digest missed two hours ago (process down) is due now, for that period")
    void catchUpWithinGrace() {
        DigestPlan plan = planner.plan(daily8, Instant.parse("2025-09-01T08:00:00Z"));

        assertThat(plan).isEqualTo(new DigestPlan.Due(Instant.parse("2025-09-02T08:00:00Z")));
    }

    @Test
    @DisplayName("down for days: only the latest period counts, and past the grace period it is skipped")
    void skipBeyondGrace() {
        clock.set(Instant.parse("2025-09-05T20:00:00Z"));

        DigestPlan plan = planner.plan(daily8, Instant.parse("2025-09-01T08:00:00Z"));

        assertThat(plan).isEqualTo(new DigestPlan.Skip(Instant.parse("2025-09-05T08:00:00Z"), Duration.ofHours(12)));
    }

    @Test
    @DisplayName("after today's digest, nothing is due until tomorrow")
    void notDue() {
        DigestPlan plan = planner.plan(daily8, Instant.parse("2025-09-02T08:00:00Z"));

        assertThat(plan).isEqualTo(new DigestPlan.NotDue(Instant.parse("2025-09-03T08:00:00Z")));
    }

    @Test
    @DisplayName("retry back-off doubles, is capped, and never undercuts Retry-After")
    void retryPolicy() {
        RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(1), 4);

        assertThat(retry.delay(1, null)).isEqualTo(Duration.ofSeconds(5));
        assertThat(retry.delay(3, null)).isEqualTo(Duration.ofSeconds(20));
        assertThat(retry.delay(10, null)).isEqualTo(Duration.ofMinutes(1));
        assertThat(retry.delay(1, Duration.ofSeconds(42))).isEqualTo(Duration.ofSeconds(42));
        assertThat(retry.exhausted(3)).isFalse();
        assertThat(retry.exhausted(4)).isTrue();
    }
}
