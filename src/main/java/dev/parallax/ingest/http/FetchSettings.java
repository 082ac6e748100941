package dev.parallax.ingest.http;

import java.time.Duration;
import java.util.List;

/**
 * How the fetcher behaves.
 *
 * @param userAgent          sent with every request; names the bot and where to read about it
 * @param connectTimeout     to open a connection
 * @param readTimeout        for the whole exchange: headers and body
 * @param maxBodyBytes       larger bodies are cut off while streaming (and refused up front when declared)
 * @param maxRedirects       hops followed before giving up
 * @param globalConcurrency  requests in flight at once, all hosts together
 * @param perHostConcurrency requests in flight at once to one host
 * @param minHostInterval    least time between the starts of two requests to one host (zero: no delay)
 * @param allow              addresses (CIDR such as 10.1.0.0/16, or a host name) the SSRF guard lets through
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBodyBytes,
                            int maxRedirects, int globalConcurrency, int perHostConcurrency, Duration minHostInterval,
                            List<String> allow) {
    public static final Duration DEFAULT_MIN_HOST_INTERVAL = Duration.ofMillis(500);
    public static final Duration MAX_MIN_HOST_INTERVAL = Duration.ofMinutes(1);
    public static final String DEFAULT_USER_AGENT =
            "ParallaxBot/0.1 (news digest bot; +https://github.com/parallax-digest/parallax)";

    public FetchSettings {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("user_agent must not be empty");
        }
        if (!positive(connectTimeout) || !positive(readTimeout)) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("max_body_bytes must be at least 1024, got " + maxBodyBytes);
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("max_redirects must be between 0 and 20, got " + maxRedirects);
        }
        if (globalConcurrency < 1 || perHostConcurrency < 1) {
            throw new IllegalArgumentException("concurrency limits must be at least 1");
        }
        if (minHostInterval == null || minHostInterval.isNegative()
                || minHostInterval.compareTo(MAX_MIN_HOST_INTERVAL) > 0) {
            throw new IllegalArgumentException("min_host_interval_ms must be between 0 and "
                    + MAX_MIN_HOST_INTERVAL.toMillis() + ", got " + (minHostInterval == null ? null
                    : minHostInterval.toMillis()));
        }
        allow = List.copyOf(allow);
        AddressGuard.parseRules(allow); // fails early on a malformed entry
    }

    public static FetchSettings defaults() {
        return new FetchSettings(DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30),
                5L * 1024 * 1024, 5, 16, 2, DEFAULT_MIN_HOST_INTERVAL, List.of());
    }

    public FetchSettings withAllow(List<String> rules) {
        return new FetchSettings(userAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects,
                globalConcurrency, perHostConcurrency, minHostInterval, rules);
    }

    public FetchSettings withMinHostInterval(Duration interval) {
        return new FetchSettings(userAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects,
                globalConcurrency, perHostConcurrency, interval, allow);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }
}
