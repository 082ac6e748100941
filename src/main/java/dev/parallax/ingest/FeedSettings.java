package dev.parallax.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parallax.ingest.http.FetchSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The [feeds] section: how web sources are polled and fetched.
 *
 * @param interval          default poll interval of a source
 * @param maxBackoff        longest wait after repeated failures or a Retry-After
 * @param disableAfter      consecutive failures after which a source is disabled (with the reason kept)
 * @param maxEntriesPerPoll new entries read per source and poll; the rest wait for the next poll
 * @param maxEntryAge       entries published longer ago than this are noted but not read
 * @param fetchPages        read each entry's article page (else only the feed's own text)
 * @param fetch             the HTTP fetcher's limits, politeness delay, User-Agent and SSRF allow-list
 */
public record FeedSettings(Duration interval, Duration maxBackoff, int disableAfter, int maxEntriesPerPoll,
                           Duration maxEntryAge, boolean fetchPages, FetchSettings fetch) {
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    public FeedSettings {
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("feeds interval must be at least 1 minute, got " + interval);
        }
        if (maxBackoff.compareTo(interval) < 0) {
            throw new IllegalArgumentException("max_backoff_hours must not be shorter than the interval");
        }
        if (disableAfter < 1) {
            throw new IllegalArgumentException("disable_after_failures must be at least 1, got " + disableAfter);
        }
        if (maxEntriesPerPoll < 1) {
            throw new IllegalArgumentException("max_new_entries_per_poll must be at least 1, got " + maxEntriesPerPoll);
        }
        if (maxEntryAge.isNegative() || maxEntryAge.isZero()) {
            throw new IllegalArgumentException("max_entry_age_days must be positive");
        }
    }

    public static FeedSettings defaults() {
        return new FeedSettings(Duration.ofMinutes(15), Duration.ofHours(24), 10, 30, Duration.ofDays(7), true,
                FetchSettings.defaults());
    }

    /** Reads a [feeds] section; missing keys keep their defaults. */
    public static FeedSettings from(JsonNode section) {
        FeedSettings d = defaults();
        FetchSettings f = d.fetch();
        if (section == null || section.isMissingNode() || section.isNull()) {
            return d;
        }
        List<String> allow = new ArrayList<>();
        section.path("allow").forEach(n -> allow.add(n.asText()));
        return new FeedSettings(
                Duration.ofMinutes(section.path("interval_minutes").asLong(d.interval().toMinutes())),
                Duration.ofHours(section.path("max_backoff_hours").asLong(d.maxBackoff().toHours())),
                section.path("disable_after_failures").asInt(d.disableAfter()),
                section.path("max_new_entries_per_poll").asInt(d.maxEntriesPerPoll()),
                Duration.ofDays(section.path("max_entry_age_days").asLong(d.maxEntryAge().toDays())),
                section.path("fetch_pages").asBoolean(d.fetchPages()),
                new FetchSettings(
                        section.path("user_agent").asText(f.userAgent()),
                        Duration.ofSeconds(section.path("connect_timeout_seconds").asLong(f.connectTimeout().toSeconds())),
                        Duration.ofSeconds(section.path("read_timeout_seconds").asLong(f.readTimeout().toSeconds())),
                        section.path("max_body_bytes").asLong(f.maxBodyBytes()),
                        section.path("max_redirects").asInt(f.maxRedirects()),
                        section.path("max_concurrent_fetches").asInt(f.globalConcurrency()),
                        section.path("max_concurrent_per_host").asInt(f.perHostConcurrency()),
                        Duration.ofMillis(section.path("min_host_interval_ms").asLong(f.minHostInterval().toMillis())),
                        section.has("allow") ? allow : f.allow()));
    }

    public FeedSettings withFetch(FetchSettings newFetch) {
        return new FeedSettings(interval, maxBackoff, disableAfter, maxEntriesPerPoll, maxEntryAge, fetchPages, newFetch);
    }
}
