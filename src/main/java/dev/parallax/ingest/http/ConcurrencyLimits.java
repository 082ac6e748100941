package dev.parallax.ingest.http;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * A global cap on requests in flight, a smaller one per host, and the per-host interval between
 * request starts, so no outlet is hammered.
 */
final class ConcurrencyLimits {
    private final Semaphore global;
    private final int perHost;
    private final HostPacer pacer;
    private final ConcurrentHashMap<String, Semaphore> hosts = new ConcurrentHashMap<>();

    ConcurrencyLimits(int global, int perHost, HostPacer pacer) {
        this.global = new Semaphore(global, true);
        this.perHost = perHost;
        this.pacer = pacer;
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
            acquireGlobalOnTime(host);
        } catch (InterruptedException e) {
            forHost.release();
            throw e;
        }
        return () -> {
            global.release();
            forHost.release();
        };
    }

    // The host's interval is waited out without a global slot; the start is claimed only once one is held.
    private void acquireGlobalOnTime(String host) throws InterruptedException {
        if (pacer.disabled()) {
            global.acquire();
            return;
        }
        while (true) {
            pacer.awaitFree(host);
            global.acquire();
            if (pacer.tryStart(host)) {
                return;
            }
            global.release();
        }
    }
}
