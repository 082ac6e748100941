package dev.parallax.store;

/**
 * An outbox row claimed for sending.
 *
 * @param attempts        times it has been handed to the platform, this one included
 * @param recovered       it was being sent when its sender stopped: the platform may already have it
 * @param parentMessageId the platform id of the parent message, when this row threads under one
 * @param claim           names this claim: only its holder may record the row's outcome
 */
public record ClaimedDelivery(long id, String key, String channelId, String kind, String payload, int attempts,
                              boolean recovered, String parentMessageId, String claim) {
    /** Whether an earlier attempt may have reached the platform (crash, timeout after the post). */
    public boolean maybeDelivered() {
        return recovered || attempts > 1;
    }
}
