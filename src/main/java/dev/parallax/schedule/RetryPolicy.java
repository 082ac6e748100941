package dev.parallax.schedule;

import java.time.Duration;

/**
 * Back-off between delivery attempts: exponential from {@code base}, capped, never sooner than the
 * platform's Retry-After; after {@code maxAttempts} the message is given up.
 */
public record RetryPolicy(Duration base, Duration cap, int maxAttempts) {
    public RetryPolicy {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("invalid retry policy: " + base + ", " + cap + ", " + maxAttempts);
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(15), 12);
    }

    /** The wait before attempt {@code attempts + 1}, honouring the platform's wish. */
    public Duration delay(int attempts, Duration retryAfter) {
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration backoff = base.multipliedBy(factor);
        if (backoff.compareTo(cap) > 0) {
            backoff = cap;
        }
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
