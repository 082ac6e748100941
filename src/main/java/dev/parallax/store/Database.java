package dev.parallax.store;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The database: SQLite (the embedded default) or PostgreSQL (several instances), chosen by the
 * JDBC URL, behind one pool of connections, with its schema brought up to date at start-up by
 * Flyway from {@code db/migration/common} plus the folder of SQL that differs per database
 * ({@code db/migration/sqlite}, {@code db/migration/postgresql}). Version numbers are shared.
 */
public final class Database implements AutoCloseable {
    private static final int ATTEMPTS = 3;

    private final DatabaseSettings settings;
    private final Dialect dialect;
    private final HikariDataSource pool;

    private Database(DatabaseSettings settings, Dialect dialect, HikariDataSource pool) {
        this.settings = settings;
        this.dialect = dialect;
        this.pool = pool;
    }

    /** Opens (creating if needed) the SQLite file and brings its schema up to date. */
    public static Database open(Path file) {
        return open(DatabaseSettings.sqlite(file), null);
    }

    /**
     * Connects to the database the settings name and brings its schema up to date; {@code password}
     * (from the environment, may be null) is used where the database asks for one.
     */
    public static Database open(DatabaseSettings settings, String password) {
        Dialect dialect = Dialect.of(settings);
        HikariDataSource pool;
        try {
            pool = dialect.pool(settings, password);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StoreException("cannot connect to database " + settings.describe() + ": "
                    + firstLine(cause.getMessage()), e);
        }
        Database db = new Database(settings, dialect, pool);
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/migration/common", dialect.migrations())
                    .javaMigrations(dialect.javaMigrations().toArray(JavaMigration[]::new))
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.close();
            // Flyway's messages run over many lines; the first one says what is wrong.
            throw new StoreException("cannot bring database " + settings.describe() + " up to date: "
                    + firstLine(e.getMessage()), e);
        }
        return db;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** The pool itself, for a library that takes its connections from the same database (Quartz). */
    public DataSource dataSource() {
        return pool;
    }

    /** Whether other instances may share this database at the same time (PostgreSQL). */
    public boolean shared() {
        return dialect.shared();
    }

    /** Which database this is, as logs may show it (no password). */
    public String describe() {
        return settings.describe();
    }

    Dialect dialect() {
        return dialect;
    }

    /** Closes every connection; the last one to a SQLite file checkpoints its WAL. */
    @Override
    public void close() {
        pool.close();
    }

    /**
     * Runs work in one transaction; rolls back on any exception. A deadlock or serialization
     * failure (PostgreSQL under concurrent instances) runs the work again, at most three times.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = connection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && dialect.retryable(e)) {
                    continue;
                }
                throw new StoreException(e);
            }
        }
    }

    /**
     * Waits up to {@code wait} until no other instance on this database, and no other thread here,
     * holds the named lock, and takes it; closing the returned lock releases it. A wait that runs out
     * is a {@link StoreException} saying so. On a shared database the lock lapses after {@code lease}
     * without a {@link HeldLock#renew()}.
     */
    public HeldLock exclusive(String name, Duration wait, Duration lease) {
        try {
            return dialect.exclusive(this, name, wait, lease).orElseThrow(() -> new StoreException("lock " + name
                    + " is still held elsewhere after " + wait.toSeconds() + " s; the work waiting for it was not done"));
        } catch (SQLException e) {
            throw new StoreException("cannot take lock " + name, e);
        }
    }

    /** Runs a read on its own connection. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("unknown error");
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
