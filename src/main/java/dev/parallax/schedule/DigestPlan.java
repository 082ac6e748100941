package dev.parallax.schedule;

import java.time.Instant;

/** What to do about a channel's digest now. */
public sealed interface DigestPlan {
    /** Build the digest of this scheduled period now. */
    record Due(Instant period) implements DigestPlan {
    }

    /** This period was missed by more than the grace period: record it, send nothing. */
    record Skip(Instant period, java.time.Duration late) implements DigestPlan {
    }

    /** Nothing is due before {@code next}. */
    record NotDue(Instant next) implements DigestPlan {
    }
}
