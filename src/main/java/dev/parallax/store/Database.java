package dev.parallax.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The one SQLite database: WAL journal, foreign keys on, migrations applied at start-up.
 * Each call to {@link #connection()} opens a fresh connection with those pragmas set.
 */
public final class Database {
    private final SQLiteDataSource dataSource;
    private final Path file;

    private Database(Path file) {
        this.file = file;
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        // Writers take the lock up front, so concurrent writers wait instead of failing mid-transaction.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create folder for database " + file, e);
        }
        Database db = new Database(file);
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(db.dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            // Flyway's messages run over many lines; the first one says what is wrong.
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("unknown error");
            throw new StoreException("cannot bring database " + file + " up to date: " + first, e);
        }
        return db;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public Path file() {
        return file;
    }

    /** Runs work in one transaction; rolls back on any exception. */
    public <T> T inTransaction(SqlWork<T> work) {
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
            throw new StoreException(e);
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

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
