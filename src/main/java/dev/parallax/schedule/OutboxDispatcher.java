package dev.parallax.schedule;

import dev.parallax.chat.ChannelRef;
import dev.parallax.chat.ChatPlatform;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import dev.parallax.store.ChannelStore;
import dev.parallax.store.ClaimedDelivery;
import dev.parallax.store.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: claims due rows of the platforms it serves under a lease (renewed while a row
 * is being sent), hands each to its platform, and records the answer. Several instances drain one
 * outbox side by side: each records only the rows it still holds. A row is done only once the
 * platform confirmed it. Rate limits and server errors hold
 * the whole channel back (never sooner than the platform's Retry-After, with back-off); a
 * permanent failure disables the channel with the reason. A row that may already have been posted
 * (its sender died mid-send, or an attempt failed after the request went out) is first looked up
 * on the platform by its idempotency key, so it is not posted twice.
 */
public final class OutboxDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration NO_PLATFORM_WAIT = Duration.ofMinutes(5);
    // A channel another instance serves (its Discord shard): soon claimable again, by that instance or this.
    private static final Duration NOT_HERE_WAIT = Duration.ofSeconds(2);

    private final OutboxStore outbox;
    private final ChannelStore channels;
    private final Map<String, ChatPlatform> platforms;
    private final RetryPolicy retry;
    private final InstantSource clock;
    private final Duration lease;
    private final BiConsumer<String, Result> onResult;
    private final DeliveryCodec codec = new DeliveryCodec();
    private final ScheduledThreadPoolExecutor heartbeat = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "parallax-outbox-lease");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;

    /** What became of one row, for metrics. */
    public enum Result { DELIVERED, RETRY, FAILED }

    /** {@code onResult} hears the kind of each row handed to a platform and what became of it. */
    public OutboxDispatcher(OutboxStore outbox, ChannelStore channels, Map<String, ChatPlatform> platforms,
                            RetryPolicy retry, InstantSource clock, Duration lease, BiConsumer<String, Result> onResult) {
        this.outbox = outbox;
        this.channels = channels;
        this.platforms = Map.copyOf(platforms);
        this.retry = retry;
        this.clock = clock;
        this.lease = lease;
        this.onResult = onResult;
        heartbeat.setKeepAliveTime(10, TimeUnit.SECONDS);
        heartbeat.allowCoreThreadTimeOut(true);
        heartbeat.setRemoveOnCancelPolicy(true);
    }

    /** Delivers what is due, batch after batch, until nothing is (or {@link #stop}); returns rows handled. */
    public int drain(int batch) {
        int handled = 0;
        while (!stopping) {
            List<ClaimedDelivery> due = outbox.claimDue(platforms.keySet(), lease, batch);
            // A fresh claim needs no renewal; one that waited in the batch for a while does, before its turn.
            Instant renewAfter = clock.instant().plus(lease.dividedBy(3));
            if (due.isEmpty()) {
                break;
            }
            Map<String, Instant> held = new HashMap<>();
            Set<String> disabled = new HashSet<>();
            for (ClaimedDelivery row : due) {
                if (stopping) {
                    outbox.release(row, clock.instant(), "released at shutdown");
                } else if (disabled.contains(row.channelId())) {
                    continue; // already given up with its channel
                } else if (held.containsKey(row.channelId())) {
                    outbox.release(row, held.get(row.channelId()), "channel held back");
                } else if (clock.instant().isAfter(renewAfter) && !outbox.renew(row, lease)) {
                    LOG.warn("channel={} key={} was taken over by another instance (lease ran out before its turn)",
                            row.channelId(), row.key());
                } else {
                    handled++;
                    handleUnderLease(row, held, disabled);
                }
            }
        }
        return handled;
    }

    /** Stops taking rows: the one being sent finishes, the rest of the batch goes back unsent. */
    public void stop() {
        stopping = true;
    }

    // The lease is renewed while the platform takes its time (Discord may queue a post for a while).
    private void handleUnderLease(ClaimedDelivery row, Map<String, Instant> held, Set<String> disabled) {
        long every = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> renewal = heartbeat.scheduleAtFixedRate(() -> {
            try {
                outbox.renew(row, lease);
            } catch (RuntimeException e) {
                LOG.warn("channel={} key={} lease not renewed: {}", row.channelId(), row.key(), e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        try {
            handle(row, held, disabled);
        } finally {
            renewal.cancel(false);
        }
    }

    private void handle(ClaimedDelivery row, Map<String, Instant> held, Set<String> disabled) {
        ChannelRef channel = ChannelRef.parse(row.channelId());
        ChatPlatform platform = platforms.get(channel.platform());
        if (platform == null) {
            Instant until = clock.instant().plus(NO_PLATFORM_WAIT);
            outbox.release(row, until, "platform not running: " + channel.platform());
            held.put(row.channelId(), until);
            LOG.warn("channel={} key={} platform {} not running, held", row.channelId(), row.key(), channel.platform());
            return;
        }
        if (!platform.serves(channel)) {
            Instant until = clock.instant().plus(NOT_HERE_WAIT);
            outbox.release(row, until, "left for the instance that serves this channel");
            held.put(row.channelId(), until);
            LOG.debug("channel={} key={} is another instance's to serve, left for it", row.channelId(), row.key());
            return;
        }
        Delivery delivery;
        try {
            delivery = new Delivery(channel, row.key(), row.parentMessageId(), codec.decode(row.kind(), row.payload()));
        } catch (IllegalArgumentException e) {
            outbox.markDead(row, e.getMessage());
            LOG.error("channel={} key={} unreadable, given up: {}", row.channelId(), row.key(), e.getMessage());
            onResult.accept(row.kind(), Result.FAILED);
            return;
        }
        DeliveryResult result;
        try {
            Optional<String> already = row.maybeDelivered() ? platform.findDelivered(delivery) : Optional.empty();
            if (already.isPresent()) {
                recorded(row, outbox.markDone(row, already.get()));
                LOG.info("channel={} key={} was already posted (message {}), not posted again", row.channelId(),
                        row.key(), already.get());
                onResult.accept(row.kind(), Result.DELIVERED);
                return;
            }
            result = platform.deliver(delivery);
        } catch (RuntimeException e) {
            // An adapter bug or a network error: the send may or may not have happened, so it is retried with a look-up.
            result = new DeliveryResult.RetryLater(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        record(row, result, held, disabled);
    }

    // A row whose lease ran out mid-send belongs to its new claimer, whose outcome stands.
    private static void recorded(ClaimedDelivery row, boolean ours) {
        if (!ours) {
            LOG.warn("channel={} key={} outcome not recorded: another instance took the row over mid-send",
                    row.channelId(), row.key());
        }
    }

    private void record(ClaimedDelivery row, DeliveryResult result, Map<String, Instant> held, Set<String> disabled) {
        if (result instanceof DeliveryResult.Delivered d) {
            recorded(row, outbox.markDone(row, d.messageId()));
            LOG.info("channel={} key={} delivered as {}", row.channelId(), row.key(), d.messageId());
            onResult.accept(row.kind(), Result.DELIVERED);
        } else if (result instanceof DeliveryResult.RetryLater r) {
            if (retry.exhausted(row.attempts())) {
                recorded(row, outbox.markDead(row, "gave up after " + row.attempts() + " attempts: " + r.reason()));
                LOG.error("channel={} key={} gave up after {} attempts: {}", row.channelId(), row.key(),
                        row.attempts(), r.reason());
                onResult.accept(row.kind(), Result.FAILED);
                return;
            }
            Instant next = clock.instant().plus(retry.delay(row.attempts(), r.retryAfter()));
            recorded(row, outbox.markRetry(row, next, r.reason()));
            outbox.holdChannel(row.channelId(), next);
            held.put(row.channelId(), next);
            LOG.warn("channel={} key={} attempt {} failed, channel held until {}: {}", row.channelId(), row.key(),
                    row.attempts(), next, r.reason());
            onResult.accept(row.kind(), Result.RETRY);
        } else if (result instanceof DeliveryResult.Permanent p) {
            recorded(row, outbox.markDead(row, p.reason()));
            channels.disable(row.channelId(), p.reason());
            int dropped = outbox.dropChannel(row.channelId(), "channel disabled: " + p.reason());
            disabled.add(row.channelId());
            LOG.error("channel={} key={} channel disabled ({} queued messages dropped): {}", row.channelId(),
                    row.key(), dropped, p.reason());
            onResult.accept(row.kind(), Result.FAILED);
        }
    }
}
