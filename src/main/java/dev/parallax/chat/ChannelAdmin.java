package dev.parallax.chat;

import java.util.List;
import java.util.Optional;

/**
 * What chat commands may change about a channel: its schedule, topics and sources, and its
 * digests. Implemented by the scheduling service; the command service only sees this port.
 */
public interface ChannelAdmin {
    /**
     * Sets the digest schedule: "HH:MM" or a 5-field cron expression, in an IANA time zone. A
     * channel whose deliveries were stopped (bot removed, channel gone) is delivered to again: an
     * admin speaking there shows it is back. Returns the reason they had been stopped for, if they were.
     */
    Optional<String> setSchedule(ChannelRef channel, String schedule, String zone);

    void scheduleOff(ChannelRef channel);

    void setTopics(ChannelRef channel, List<String> include, List<String> exclude);

    ChannelSettings settings(ChannelRef channel);

    /** The channel's most recent digest as posted, if it ever had one. */
    Optional<Delivery.DigestHeader> latestDigest(ChannelRef channel);

    /** Builds a digest now and queues it for posting; returns how many stories it holds. */
    int postDigestNow(ChannelRef channel);

    /** A channel's settings as shown by commands. */
    record ChannelSettings(String schedule, String zone, boolean enabled, String disabledReason,
                           List<String> include, List<String> exclude) {
    }
}
