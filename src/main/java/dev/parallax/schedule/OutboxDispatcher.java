package dev.parallax.schedule;

import dev.parallax.chat.ChannelRef;
import dev.parallax.chat.ChatPlatform;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import dev.parallax.store.ChannelStore;
import dev.parallax.store.ClaimedDelivery;
import dev.parallax.store.OutboxStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: claims due rows under a lease, hands each to its platform, and records the
 * answer. Delivered rows are done only once the platform confirmed them; rate limits and server
 * errors are retried with back-off (never sooner than the platform's Retry-After); a permanent
 * failure disables the channel with the reason. A row cut off mid-send is first looked up on the
 * platform, so a restart does not post it twice.
 */
public final class OutboxDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxStore outbox;
    private final ChannelStore channels;
    private final Map<String, ChatPlatform> platforms;
    private final RetryPolicy retry;
    private final InstantSource clock;
    private final Duration lease;
    private final DeliveryCodec codec = new DeliveryCodec();
    private final Consumer<String> onResult;

    /** {@code onResult} hears "delivered", "retry", "failed" per row, for metrics. */
    public OutboxDispatcher(OutboxStore outbox, ChannelStore channels, Map<String, ChatPlatform> platforms,
                            RetryPolicy retry, InstantSource clock, Duration lease, Consumer<String> onResult) {
        this.outbox = outbox;
        this.channels = channels;
        this.platforms = Map.copyOf(platforms);
        this.retry = retry;
        this.clock = clock;
        this.lease = lease;
        this.onResult = onResult;
    }

    /** Delivers what is due, batch after batch, until nothing is; returns how many rows were handled. */
    public int drain(int batch) {
        int handled = 0;
        while (true) {
            List<ClaimedDelivery> due = outbox.claimDue(lease, batch);
            if (due.isEmpty()) {
                return handled;
            }
            for (ClaimedDelivery row : due) {
                handle(row);
                handled++;
            }
        }
    }

    private void handle(ClaimedDelivery row) {
        ChannelRef channel = ChannelRef.parse(row.channelId());
        ChatPlatform platform = platforms.get(channel.platform());
        if (platform == null) {
            outbox.markRetry(row.id(), clock.instant().plus(retry.cap()), "platform not running: " + channel.platform());
            return;
        }
        Delivery delivery;
        try {
            delivery = new Delivery(channel, row.key(), row.parentMessageId(), codec.decode(row.kind(), row.payload()));
        } catch (IllegalArgumentException e) {
            outbox.markDead(row.id(), e.getMessage());
            onResult.accept("failed");
            return;
        }
        if (row.recovered()) {
            Optional<String> already = platform.findDelivered(delivery);
            if (already.isPresent()) {
                outbox.markDone(row.id(), already.get());
                LOG.info("channel={} key={} found already delivered after restart", row.channelId(), row.key());
                return;
            }
        }
        DeliveryResult result;
        try {
            result = platform.deliver(delivery);
        } catch (RuntimeException e) {
            result = new DeliveryResult.RetryLater(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        record(row, result);
    }

    private void record(ClaimedDelivery row, DeliveryResult result) {
        if (result instanceof DeliveryResult.Delivered d) {
            outbox.markDone(row.id(), d.messageId());
            onResult.accept("delivered");
        } else if (result instanceof DeliveryResult.RetryLater r) {
            if (retry.exhausted(row.attempts())) {
                outbox.markDead(row.id(), "gave up after " + row.attempts() + " attempts: " + r.reason());
                LOG.error("channel={} key={} gave up after {} attempts: {}", row.channelId(), row.key(),
                        row.attempts(), r.reason());
                onResult.accept("failed");
                return;
            }
            Duration wait = retry.delay(row.attempts(), r.retryAfter());
            outbox.markRetry(row.id(), clock.instant().plus(wait), r.reason());
            LOG.warn("channel={} key={} retry in {}: {}", row.channelId(), row.key(), wait, r.reason());
            onResult.accept("retry");
        } else if (result instanceof DeliveryResult.Permanent p) {
            outbox.markDead(row.id(), p.reason());
            channels.disable(row.channelId(), p.reason());
            LOG.error("channel={} disabled: {}", row.channelId(), p.reason());
            onResult.accept("failed");
        }
    }
}
