package dev.parallax.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.api.migration.JavaMigration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite, the embedded default: one process, one file in WAL mode with foreign keys on. Writers
 * take the lock up front (IMMEDIATE), so one write transaction excludes every other and no row
 * needs locking. The pool keeps a connection open: closing the last one checkpoints and deletes
 * the WAL every time, which made each small transaction about four times slower, and opening one
 * costs about 0.8 ms.
 */
final class SqliteDialect implements Dialect {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final Fts5Search search = new Fts5Search();
    // One process owns the file, so a lock in memory excludes everyone who could write.
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Override
    public HikariDataSource pool(DatabaseSettings settings, String password) {
        Path file = settings.sqliteFile();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create folder for database " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        // Writers take the lock up front, so concurrent writers wait instead of failing mid-transaction.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl(DatabaseSettings.SQLITE + file.toAbsolutePath());
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("parallax-sqlite-" + POOLS.incrementAndGet());
        pool.setDataSource(sqlite);
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setMinimumIdle(1);
        pool.setMaxLifetime(0); // a local file: nothing to refresh, and the open connection keeps the WAL
        return new HikariDataSource(pool);
    }

    @Override
    public String migrations() {
        return "classpath:db/migration/sqlite";
    }

    @Override
    public List<JavaMigration> javaMigrations() {
        return List.of();
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public String lockSkippingLocked(String alias) {
        return "";
    }

    @Override
    public TextSearch search() {
        return search;
    }

    @Override
    public Optional<HeldLock> exclusive(Database db, String name, Duration wait, Duration lease) {
        // One process holds the database: a hung holder is this process, so there is no lease to lapse.
        ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
        try {
            return lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(lock::unlock) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public boolean retryable(SQLException e) {
        return false; // a busy database is waited for (busy_timeout), never retried from scratch
    }
}
