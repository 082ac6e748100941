package dev.parallax.chat;

import java.util.Optional;

/** A chat platform adapter as the outbox sees it. Implementations are thin and hold the SDK client. */
public interface ChatPlatform {
    /** "console", "file", "slack", "discord": the platform part of a {@link ChannelRef}. */
    String name();

    DeliveryResult deliver(Delivery delivery);

    /**
     * After a crash between sending and recording, the outbox asks whether the message with this
     * idempotency key already arrived, so it is not posted twice. Empty when it did not (or the
     * platform cannot tell).
     */
    default Optional<String> findDelivered(Delivery delivery) {
        return Optional.empty();
    }

    /**
     * Whether this instance can deliver to the channel; false when the channel is another instance's
     * to serve (a Discord guild on shards this instance does not run). Its message is then left for
     * that instance, without counting as an attempt.
     */
    default boolean serves(ChannelRef channel) {
        return true;
    }

    /** Whether the adapter is connected, for the health endpoint. */
    default boolean connected() {
        return true;
    }
}
