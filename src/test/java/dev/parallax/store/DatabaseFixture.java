package dev.parallax.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fresh database for one test: a SQLite file in the test's folder, or a PostgreSQL schema of its
 * own (dropped at {@link #close()}) on the server named by {@code PARALLAX_TEST_PG_URL} (or the
 * system property {@code parallax.test.pg.url}), e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}.
 * Without a server configured, PostgreSQL tests are skipped with a message saying so.
 */
public final class DatabaseFixture implements AutoCloseable {
    public static final String PG_URL_ENV = "PARALLAX_TEST_PG_URL";
    private static final String PG_URL_PROPERTY = "parallax.test.pg.url";
    private static final int POOL = 4;
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    /** The databases the store runs on. */
    public enum Kind { SQLITE, POSTGRESQL }

    private final Kind kind;
    private final String url;
    private final String schema;
    private final List<Database> opened = new ArrayList<>();

    private DatabaseFixture(Kind kind, String url, String schema) {
        this.kind = kind;
        this.url = url;
        this.schema = schema;
    }

    /** The PostgreSQL server tests may use, if one is configured. */
    public static Optional<String> postgresUrl() {
        String url = System.getProperty(PG_URL_PROPERTY, System.getenv(PG_URL_ENV));
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip());
    }

    /** Skips the calling test unless a PostgreSQL server is configured. */
    public static void assumePostgres() {
        String why = "PostgreSQL tests skipped: no server configured (set " + PG_URL_ENV
                + ", e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres; .ci/run does)";
        if (postgresUrl().isEmpty() && !TOLD.getAndSet(true)) {
            System.err.println(why); // once per run, so the build log says it too
        }
        assumeTrue(postgresUrl().isPresent(), why);
    }

    /** A fresh, empty database of this kind (skips the test for PostgreSQL without a server). */
    public static DatabaseFixture create(Kind kind, Path dir) {
        if (kind == Kind.SQLITE) {
            return new DatabaseFixture(kind, "jdbc:sqlite:" + dir.resolve("parallax.db"), null);
        }
        assumePostgres();
        String base = postgresUrl().orElseThrow();
        String schema = "px_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        admin(base, "CREATE SCHEMA " + schema);
        return new DatabaseFixture(kind, base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, schema);
    }

    public Kind kind() {
        return kind;
    }

    /** The JDBC URL of this test's database (for PostgreSQL: with its own schema). */
    public String url() {
        return url;
    }

    /** Opens the database (a new pool each time: a restarted process, or another instance); closed at the end. */
    public synchronized Database open() {
        Database db = Database.open(new DatabaseSettings(url, POOL), null);
        opened.add(db);
        return db;
    }

    @Override
    public synchronized void close() {
        opened.forEach(Database::close);
        opened.clear();
        if (schema != null) {
            admin(postgresUrl().orElseThrow(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void admin(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
    }
}
