package dev.parallax.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A polled source with its state.
 *
 * @param id             source id
 * @param kind           "feed" until the first fetch shows a web page, then "page"
 * @param url            the URL as added
 * @param name           display name (the feed title once known)
 * @param interval       poll interval when all is well
 * @param etag           validator from the last full answer, or null
 * @param lastModified   validator from the last full answer, or null
 * @param lastFetch      last attempt, or null before the first
 * @param lastSuccess    last 200 or 304, or null
 * @param lastStatus     new, ok, not_modified, throttled or failed
 * @param lastError      the last failure's message, or null
 * @param failures       consecutive failures
 * @param nextDue        when the next poll is due
 * @param disabledReason why polling stopped, or null while polled
 */
public record SourcePoll(long id, String kind, String url, String name, Duration interval, String etag,
                         String lastModified, Instant lastFetch, Instant lastSuccess, String lastStatus,
                         String lastError, int failures, Instant nextDue, String disabledReason) {
    public boolean disabled() {
        return disabledReason != null;
    }
}
