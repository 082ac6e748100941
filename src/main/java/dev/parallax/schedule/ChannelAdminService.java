package dev.parallax.schedule;

import dev.parallax.chat.ChannelAdmin;
import dev.parallax.chat.ChannelRef;
import dev.parallax.chat.Delivery;
import dev.parallax.store.ChannelRow;
import dev.parallax.store.ChannelStore;
import dev.parallax.store.OutboxStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The {@link ChannelAdmin} port over our tables; schedule changes are handed to the live scheduler. */
public final class ChannelAdminService implements ChannelAdmin {
    private final ChannelStore channels;
    private final OutboxStore outbox;
    private final ChannelDigestService digests;
    private final DeliveryCodec codec = new DeliveryCodec();
    private final Consumer<String> onScheduleChange;

    /** {@code onScheduleChange} hears the channel id after a change (the scheduler rebooks it); may do nothing. */
    public ChannelAdminService(ChannelStore channels, OutboxStore outbox, ChannelDigestService digests,
                               Consumer<String> onScheduleChange) {
        this.channels = channels;
        this.outbox = outbox;
        this.digests = digests;
        this.onScheduleChange = onScheduleChange;
    }

    /** Throws IllegalArgumentException with a message for the user when the schedule or zone is invalid. */
    @Override
    public Optional<String> setSchedule(ChannelRef channel, String schedule, String zone) {
        DigestSchedule.parse(schedule, zone); // validate before storing
        ChannelRow row = ensure(channel);
        channels.setSchedule(channel.id(), schedule.strip(), zone.strip());
        if (!row.enabled()) {
            channels.enable(channel.id());
        }
        onScheduleChange.accept(channel.id());
        return row.enabled() ? Optional.empty() : Optional.of(row.disabledReason() == null ? "" : row.disabledReason());
    }

    @Override
    public void scheduleOff(ChannelRef channel) {
        ChannelRow row = ensure(channel);
        channels.setSchedule(channel.id(), null, row.zone());
        onScheduleChange.accept(channel.id());
    }

    @Override
    public void setTopics(ChannelRef channel, List<String> include, List<String> exclude) {
        ensure(channel);
        channels.setTopics(channel.id(), include, exclude);
    }

    @Override
    public ChannelSettings settings(ChannelRef channel) {
        ChannelRow row = ensure(channel);
        return new ChannelSettings(row.schedule(), row.zone(), row.enabled(), row.disabledReason(), row.include(),
                row.exclude());
    }

    @Override
    public Optional<Delivery.DigestHeader> latestDigest(ChannelRef channel) {
        return outbox.latestDelivered(channel.id(), DeliveryCodec.HEADER)
                .map(json -> (Delivery.DigestHeader) codec.decode(DeliveryCodec.HEADER, json));
    }

    @Override
    public int postDigestNow(ChannelRef channel) {
        ensure(channel);
        return digests.buildNow(channel.id()).stories();
    }

    // A channel a command speaks in is registered on first use, with no schedule.
    private ChannelRow ensure(ChannelRef channel) {
        return channels.register(channel.id(), channel.platform(), channel.address());
    }
}
