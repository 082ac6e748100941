package dev.parallax.chat;

import java.time.Duration;

/** How a platform answered a delivery: posted, try again later, or never (the channel is gone). */
public sealed interface DeliveryResult {
    /** Posted; {@code messageId} lets later messages reply in its thread. */
    record Delivered(String messageId) implements DeliveryResult {
    }

    /** Rate limit, 5xx or network trouble; {@code retryAfter} is the platform's wish when it gave one. */
    record RetryLater(Duration retryAfter, String reason) implements DeliveryResult {
    }

    /** The channel is gone, the bot was removed or lacks access: the channel is disabled with this reason. */
    record Permanent(String reason) implements DeliveryResult {
    }
}
