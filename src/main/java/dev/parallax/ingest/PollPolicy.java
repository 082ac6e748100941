package dev.parallax.ingest;

import dev.parallax.store.SourcePoll;
import java.time.Duration;
import java.time.Instant;

/**
 * When a source is polled next, as a pure function of its state, what the last read came to and
 * the time: its interval after a success, an exponential back-off after failures (capped), the
 * server's Retry-After when throttled, and disabled (reason kept) after too many failures in a row
 * or at once for a failure that will not heal.
 */
public final class PollPolicy {
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(7);

    private final Duration maxBackoff;
    private final int disableAfter;

    public PollPolicy(Duration maxBackoff, int disableAfter) {
        this.maxBackoff = maxBackoff;
        this.disableAfter = disableAfter;
    }

    public static PollPolicy from(FeedSettings settings) {
        return new PollPolicy(settings.maxBackoff(), settings.disableAfter());
    }

    public SourcePoll next(SourcePoll s, SourceResult result, Instant now) {
        if (result instanceof SourceResult.Read r) {
            String name = r.name().isBlank() ? s.name() : r.name();
            return new SourcePoll(s.id(), r.kind(), s.url(), name, s.interval(), r.etag(), r.lastModified(), now, now,
                    "ok", null, 0, now.plus(s.interval()), null);
        }
        if (result instanceof SourceResult.NotModified) {
            return new SourcePoll(s.id(), s.kind(), s.url(), s.name(), s.interval(), s.etag(), s.lastModified(), now,
                    now, "not_modified", null, 0, now.plus(s.interval()), null);
        }
        if (result instanceof SourceResult.Throttled t) {
            // Not a failure, but never sooner than the server asked nor than a doubled interval.
            Duration wait = max(s.interval().multipliedBy(2), t.retryAfter().orElse(Duration.ZERO));
            wait = min(wait, max(maxBackoff, min(t.retryAfter().orElse(Duration.ZERO), MAX_RETRY_AFTER)));
            return new SourcePoll(s.id(), s.kind(), s.url(), s.name(), s.interval(), s.etag(), s.lastModified(), now,
                    s.lastSuccess(), "throttled", t.reason(), s.failures(), now.plus(wait), null);
        }
        SourceResult.Failed f = (SourceResult.Failed) result;
        int failures = s.failures() + 1;
        String disabled = null;
        if (f.permanent()) {
            disabled = f.reason();
        } else if (failures >= disableAfter) {
            disabled = failures + " failures in a row; last: " + f.reason();
        }
        return new SourcePoll(s.id(), s.kind(), s.url(), s.name(), s.interval(), s.etag(), s.lastModified(), now,
                s.lastSuccess(), "failed", f.reason(), failures, now.plus(backoff(s.interval(), failures)), disabled);
    }

    /** interval × 2^failures, capped at the longest back-off. */
    Duration backoff(Duration interval, int failures) {
        Duration wait = interval;
        for (int i = 0; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return min(wait, maxBackoff);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
