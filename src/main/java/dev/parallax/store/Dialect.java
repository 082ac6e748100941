package dev.parallax.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * What differs between the databases the store runs on: how connections are set up, which
 * migration folder holds the SQL that must differ, how rows are claimed by one of several
 * instances, how one instance at a time is let into a section of work, and full-text search.
 * Everything else is the same SQL on both.
 */
sealed interface Dialect permits SqliteDialect, PostgresDialect {
    static Dialect of(DatabaseSettings settings) {
        return settings.shared() ? new PostgresDialect() : new SqliteDialect();
    }

    /** A pool of connections to the database, set up the way the store expects them. */
    HikariDataSource pool(DatabaseSettings settings, String password);

    /** The Flyway location beside {@code db/migration/common} with this database's own SQL. */
    String migrations();

    /** Migrations written in Java (tables that another library ships as a script). */
    List<JavaMigration> javaMigrations();

    /** Whether several instances can share the database (and so must claim work from each other). */
    boolean shared();

    /**
     * The clause that locks the selected rows of {@code alias} for this transaction, skipping rows
     * another transaction holds; empty where a write transaction already excludes every other.
     */
    String lockSkippingLocked(String alias);

    TextSearch search();

    /**
     * Waits up to {@code wait} until no other holder of the named lock is left (here or in another
     * instance), then holds it; empty when the wait ran out. Where other instances share the lock it
     * lapses after {@code lease} without a {@link HeldLock#renew()}.
     */
    Optional<HeldLock> exclusive(Database db, String name, Duration wait, Duration lease) throws SQLException;

    /** Whether a failed transaction is worth running again as it is (a deadlock, a serialization failure). */
    boolean retryable(SQLException e);
}
