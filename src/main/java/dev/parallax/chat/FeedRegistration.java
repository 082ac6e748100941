package dev.parallax.chat;

/**
 * Where a channel's subscription starts a feed being polled: the same checks and polling state as
 * {@code parallax sources add} (the SSRF guard with its allow-list, a source row, a poll schedule).
 * Implemented in the wiring over ingest, which chat does not import.
 */
@FunctionalInterface
public interface FeedRegistration {
    /** Makes sure the feed is polled; refused when the address may not or cannot be fetched. */
    Outcome register(FeedUrl url);

    /** A polled source (new or already known), or why the address was refused. */
    sealed interface Outcome {
        /** {@code polledUrl} is the feed actually polled: the one a home page announced, or the address given. */
        record Polled(long sourceId, String polledUrl) implements Outcome {
        }

        record Refused(String reason) implements Outcome {
        }
    }
}
