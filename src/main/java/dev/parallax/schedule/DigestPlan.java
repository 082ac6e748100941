package dev.parallax.schedule;

import java.time.Duration;
import java.time.Instant;

/** What to do about a channel's digest now. */
public sealed interface DigestPlan {
    /**
     * Build the digest of this scheduled period now; it is {@code late} behind its time. When
     * {@code firstMissed} is before {@code period}, earlier periods were missed too (the process was
     * down) and are folded into this one digest instead of being sent one by one.
     */
    record Due(Instant period, Duration late, Instant firstMissed) implements DigestPlan {
    }

    /** Every period since {@code firstMissed} is older than the grace period: send nothing, move on to {@code upTo}. */
    record Skip(Instant firstMissed, Instant upTo, Duration late) implements DigestPlan {
    }

    /** Nothing is due before {@code next}. */
    record NotDue(Instant next) implements DigestPlan {
    }
}
