package dev.parallax.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * PostgreSQL, for several instances on one database: a HikariCP pool, rows claimed with
 * {@code FOR UPDATE ... SKIP LOCKED} so that concurrent claimers never wait for or take each
 * other's rows, sections of work one instance at a time through transaction-scoped advisory locks,
 * search through {@code tsvector}, and Quartz's tables for the clustered scheduler.
 */
final class PostgresDialect implements Dialect {
    private static final AtomicInteger POOLS = new AtomicInteger();
    // First key of every advisory lock Parallax takes ("PRLX"), so other applications' locks never clash.
    private static final int LOCK_SPACE = 0x50524c58;
    // lock_not_available: lock_timeout ran out while waiting.
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private final TsvectorSearch search = new TsvectorSearch();

    @Override
    public HikariDataSource pool(DatabaseSettings settings, String password) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("parallax-pg-" + POOLS.incrementAndGet());
        pool.setJdbcUrl(settings.url());
        if (password != null && !password.isEmpty()) {
            pool.setPassword(password);
        }
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setConnectionTimeout(10_000);
        return new HikariDataSource(pool);
    }

    @Override
    public String migrations() {
        return "classpath:db/migration/postgresql";
    }

    @Override
    public List<JavaMigration> javaMigrations() {
        return List.of(new QuartzTables());
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String lockSkippingLocked(String alias) {
        return " FOR UPDATE OF " + alias + " SKIP LOCKED";
    }

    @Override
    public TextSearch search() {
        return search;
    }

    // The lock lives in a transaction on one pooled connection: ending it releases the lock, and so
    // does the server when that connection or its instance dies, or when it idles past the lease (the
    // holder hung). The name's hash is stable across JVMs.
    @Override
    public Optional<HeldLock> exclusive(Database db, String name, Duration wait, Duration lease) throws SQLException {
        Connection c = db.connection();
        try {
            c.setAutoCommit(false);
            setLocal(c, "lock_timeout", wait);
            setLocal(c, "idle_in_transaction_session_timeout", lease);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                ps.setInt(1, LOCK_SPACE);
                ps.setInt(2, name.hashCode());
                ps.execute();
            }
        } catch (SQLException e) {
            c.close();
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return Optional.of(new AdvisoryLease(c, name, lease));
    }

    private static void setLocal(Connection c, String setting, Duration value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config(?, ?, true)")) {
            ps.setString(1, setting);
            ps.setString(2, Math.max(1, value.toMillis()) + "ms");
            ps.execute();
        }
    }

    @Override
    public boolean retryable(SQLException e) {
        // serialization_failure, deadlock_detected: the transaction was rolled back and may simply run again.
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }
}
