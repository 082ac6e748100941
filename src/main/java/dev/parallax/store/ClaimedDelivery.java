package dev.parallax.store;

/**
 * An outbox row claimed for sending.
 *
 * @param recovered       it was already being sent when the process stopped: the platform may have it
 * @param parentMessageId the platform id of the parent message, when this row threads under one
 */
public record ClaimedDelivery(long id, String key, String channelId, String kind, String payload, int attempts,
                              boolean recovered, String parentMessageId) {
}
