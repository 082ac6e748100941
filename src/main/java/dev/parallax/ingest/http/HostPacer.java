package dev.parallax.ingest.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The politeness delay: request starts to one host are at least the configured interval apart, so
 * 300 feeds on one outlet are not fetched back to back. A waiter only sleeps; it claims its start
 * with {@link #tryStart} at the moment it would send, so a start delayed elsewhere still counts.
 */
final class HostPacer {
    /** Sleeps for a while; {@code Thread::sleep} in production, a hand-moved ticker in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Map<String, Long> lastStart = new HashMap<>();

    HostPacer(Duration interval, LongSupplier nanoTime, Sleeper sleeper) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    static HostPacer monotonic(Duration interval) {
        return new HostPacer(interval, System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    boolean disabled() {
        return intervalNanos == 0;
    }

    /** Sleeps until the host's interval since its last start has passed (it may be claimed by then). */
    void awaitFree(String host) throws InterruptedException {
        for (long wait = untilFree(key(host)); wait > 0; wait = untilFree(key(host))) {
            sleeper.sleep(wait);
        }
    }

    /** Claims a start now if the host's interval has passed; false when another request got there first. */
    synchronized boolean tryStart(String host) {
        String key = key(host);
        if (untilFree(key) > 0) {
            return false;
        }
        lastStart.put(key, nanoTime.getAsLong());
        return true;
    }

    private synchronized long untilFree(String key) {
        Long last = lastStart.get(key);
        return last == null ? 0 : Math.max(0, last + intervalNanos - nanoTime.getAsLong());
    }

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }
}
