package dev.parallax.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL advisory lock held in an open transaction that the server ends once it idles past the
 * lease ({@code idle_in_transaction_session_timeout}): a renewal is a trivial statement on it, which
 * both restarts that clock and proves the lock is still held.
 */
final class AdvisoryLease implements HeldLock {
    private static final Logger log = LoggerFactory.getLogger(AdvisoryLease.class);

    private final Connection connection;
    private final String name;
    private final Duration lease;
    private final long renewEveryNanos;
    private long renewedAt = System.nanoTime();

    AdvisoryLease(Connection connection, String name, Duration lease) {
        this.connection = connection;
        this.name = name;
        this.lease = lease;
        // A quarter of the lease: renewals stay rare, and a slow step between two still fits.
        this.renewEveryNanos = lease.toNanos() / 4;
    }

    @Override
    public void renew() {
        long now = System.nanoTime();
        if (now - renewedAt < renewEveryNanos) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT 1");
            renewedAt = now;
        } catch (SQLException e) {
            throw new StoreException("lock " + name + " lapsed: it was held " + lease.toSeconds()
                    + " s without a renewal, and another instance may hold it now; the work under it stops", e);
        }
    }

    @Override
    public void close() {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            // The server already ended the transaction (lease lapsed, connection lost): nothing is held.
            log.warn("lock {} had lapsed before its release ({}); another instance may have worked meanwhile",
                    name, e.getMessage());
        }
    }
}
