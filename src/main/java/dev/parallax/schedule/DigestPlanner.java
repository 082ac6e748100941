package dev.parallax.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Decides whether a channel's digest is due: the latest scheduled time after the channel's last
 * period that has passed. Only the latest missed period is sent, and only if it is less than the
 * grace period late (say the process was down overnight): a digest is never sent twice, and a
 * stale one is skipped rather than posted hours late.
 */
public final class DigestPlanner {
    private static final int MAX_STEPS = 100_000;

    private final InstantSource clock;
    private final Duration grace;

    public DigestPlanner(InstantSource clock, Duration grace) {
        this.clock = clock;
        this.grace = grace;
    }

    public DigestPlan plan(DigestSchedule schedule, Instant lastPeriod) {
        Instant now = clock.instant();
        Instant next = schedule.nextAfter(lastPeriod);
        if (next.isAfter(now)) {
            return new DigestPlan.NotDue(next);
        }
        Instant latest = next;
        for (int i = 0; i < MAX_STEPS; i++) {
            Instant after = schedule.nextAfter(latest);
            if (after.isAfter(now)) {
                break;
            }
            latest = after;
        }
        Duration late = Duration.between(latest, now);
        return late.compareTo(grace) <= 0 ? new DigestPlan.Due(latest) : new DigestPlan.Skip(latest, late);
    }
}
