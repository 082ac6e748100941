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

        Instant period = Instant.parse("2025-09-02T08:00:00Z");
        assertThat(plan).isEqualTo(new DigestPlan.Due(period, Duration.ofHours(2), period));
    }

    @Test
    @DisplayName("down for days: the older periods are skipped, and the latest, past the grace period, too")
    void skipBeyondGrace() {
        clock.set(Instant.parse("2025-09-05T20:00:00Z"));

        DigestPlan plan = planner.plan(daily8, Instant.parse("2025-09-01T08:00:00Z"));

        assertThat(plan).isEqualTo(new DigestPlan.Skip(Instant.parse("2025-09-02T08:00:00Z"), clock.instant(),
                Duration.ofHours(84)));
        assertThat(planner.plan(daily8, clock.instant())).isEqualTo(
                new DigestPlan.NotDue(Instant.parse("2025-09-06T08:00:00Z")));
    }

    @Test
    @DisplayName("down for days but back within the grace of today's period: one digest, the older ones folded in")
    void foldOlderPeriods() {
        clock.set(Instant.parse("2025-09-05T09:00:00Z"));

        DigestPlan plan = planner.plan(daily8, Instant.parse("2025-09-01T08:00:00Z"));

        assertThat(plan).isEqualTo(new DigestPlan.Due(Instant.parse("2025-09-05T08:00:00Z"), Duration.ofHours(1),
                Instant.parse("2025-09-02T08:00:00Z")));
    }

    @Test
    @DisplayName("after today's digest, nothing is due until tomorrow")
    void notDue() {
        DigestPlan plan = planner.plan(daily8, Instant.parse("2025-09-02T08:00:00Z"));

        assertThat(plan).isEqualTo(new DigestPlan.NotDue(Instant.parse("2025-09-03T08:00:00Z")));
    }

    @Test
    @DisplayName("an every-minute cron after a month down is planned at once (only the grace window is walked)")
    void longOutageIsCheap() {
        clock.set(Instant.parse("2025-10-02T10:00:30Z"));
        DigestSchedule everyMinute = DigestSchedule.parse("* * * * *", "UTC");

        DigestPlan plan = planner.plan(everyMinute, Instant.parse("2025-09-02T10:00:00Z"));

        assertThat(plan).isEqualTo(new DigestPlan.Due(Instant.parse("2025-10-02T10:00:00Z"), Duration.ofSeconds(30),
                Instant.parse("2025-09-02T10:01:00Z")));
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
