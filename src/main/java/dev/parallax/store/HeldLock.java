package dev.parallax.store;

/**
 * A lock this instance holds among all instances on the database; closing it lets the next one in.
 * A shared database grants it as a lease that lapses when the holder stops renewing (a hung instance
 * must not stall the others), so long work calls {@link #renew()} as it goes.
 */
public interface HeldLock extends AutoCloseable {
    /**
     * Extends the lease, cheaply when it was extended recently; a {@link StoreException} when it already
     * lapsed and another instance may hold the lock: the work under it must stop.
     */
    default void renew() {
    }

    @Override
    void close();
}
