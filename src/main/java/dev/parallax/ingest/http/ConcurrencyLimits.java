package dev.parallax.ingest.http;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/** A global cap on requests in flight and a smaller one per host, so no outlet is hammered. */
final class ConcurrencyLimits {
    private final Semaphore global;
    private final int perHost;
    private final ConcurrentHashMap<String, Semaphore> hosts = new ConcurrentHashMap<>();

    ConcurrencyLimits(int global, int perHost) {
        this.global = new Semaphore(global, true);
        this.perHost = perHost;
    }

    /** A held pair of permits; closing releases both. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    Permit acquire(String host) throws InterruptedException {
        Semaphore forHost = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Semaphore(perHost, true));
        // Host first: a request waiting for a busy host must not hold one of the global slots.
        forHost.acquire();
        try {
            global.acquire();
        } catch (InterruptedException e) {
            forHost.release();
            throw e;
        }
        return () -> {
            global.release();
            forHost.release();
        };
    }
}
