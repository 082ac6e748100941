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

    /** Whether the adapter is connected, for the health endpoint. */
    default boolean connected() {
        return true;
    }
}
