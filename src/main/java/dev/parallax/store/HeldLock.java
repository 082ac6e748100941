package dev.parallax.store;

/** A lock this instance holds among all instances on the database; closing it lets the next one in. */
public interface HeldLock extends AutoCloseable {
    @Override
    void close();
}
