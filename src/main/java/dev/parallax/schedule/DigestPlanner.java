package dev.parallax.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Decides whether a channel's digest is due from the last period it handled: a pure policy over a
 * clock. Of the periods that passed, only the latest is sent, and only if it is at most the grace
 * period late (the process was down overnight, say): a digest is never sent twice, and a stale
 * one is skipped rather than posted hours late.
 */
public final class DigestPlanner {
    private final InstantSource clock;
    private final Duration grace;

    public DigestPlanner(InstantSource clock, Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace period must not be negative: " + grace);
        }
        this.clock = clock;
        this.grace = grace;
    }

    public DigestPlan plan(DigestSchedule schedule, Instant lastPeriod) {
        Instant now = clock.instant();
        Instant next = schedule.nextAfter(lastPeriod);
        if (next.isAfter(now)) {
            return new DigestPlan.NotDue(next);
        }
        // Only periods inside the grace window can still be sent: walk those, not the whole outage.
        Instant windowStart = now.minus(grace);
        Instant t = lastPeriod.isAfter(windowStart) ? lastPeriod : windowStart.minusNanos(1);
        Instant latest = null;
        for (Instant n = schedule.nextAfter(t); !n.isAfter(now); n = schedule.nextAfter(n)) {
            latest = n;
        }
        if (latest == null) {
            return new DigestPlan.Skip(next, now, Duration.between(next, now));
        }
        return new DigestPlan.Due(latest, Duration.between(latest, now), next);
    }
}
