package dev.parallax.store;

import java.time.Instant;
import java.util.List;

/** A channel as stored: schedule (null when off), zone, topic filters, state. */
public record ChannelRow(String id, String platform, String address, String schedule, String zone,
                         List<String> include, List<String> exclude, boolean enabled, String disabledReason,
                         Instant lastPeriod) {
}
