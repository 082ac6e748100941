package dev.parallax.store;

import java.time.Instant;
import java.util.List;

/**
 * A channel as stored.
 *
 * @param schedule     "HH:MM" or a 5-field cron, null when digests are off
 * @param lastPeriod   the last scheduled period built or skipped: the schedule's cursor
 * @param lastDigestAt when the last digest was built (null before the first): what the next one covers
 * @param digestCount  digests built so far; guards against two builds of one channel at once
 */
public record ChannelRow(String id, String platform, String address, String schedule, String zone,
                         List<String> include, List<String> exclude, boolean enabled, String disabledReason,
                         boolean fromConfig, Instant lastPeriod, Instant lastDigestAt, long digestCount) {
}
