package dev.parallax.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * The {@code [database]} section: which database, chosen by its JDBC URL ({@code jdbc:sqlite:FILE},
 * the embedded default, or {@code jdbc:postgresql://...} for several instances), and how many
 * connections the pool keeps. The password is not here: it comes from {@code PARALLAX_DB_PASSWORD}.
 */
public record DatabaseSettings(String url, int poolSize) {
    public static final Path DEFAULT_FILE = Path.of("data", "parallax.db");
    static final String SQLITE = "jdbc:sqlite:";
    static final String POSTGRES = "jdbc:postgresql:";
    private static final int DEFAULT_POOL = 10;

    public DatabaseSettings {
        url = url == null ? "" : url.strip();
        if (!url.startsWith(SQLITE) && !url.startsWith(POSTGRES)) {
            throw new IllegalArgumentException("database.url must start with " + SQLITE + " or " + POSTGRES
                    + ", got: " + (url.isEmpty() ? "nothing" : redact(url)));
        }
        if (url.equals(SQLITE)) {
            throw new IllegalArgumentException("database.url names no SQLite file");
        }
        if (poolSize < 1 || poolSize > 200) {
            throw new IllegalArgumentException("database.pool_size must be between 1 and 200, got: " + poolSize);
        }
        if (url.startsWith(POSTGRES) && poolSize < 2) {
            // A clustering pass holds its advisory lock on one connection while it works on another.
            throw new IllegalArgumentException("database.pool_size must be at least 2 on PostgreSQL, got: " + poolSize);
        }
    }

    public static DatabaseSettings defaults() {
        return sqlite(DEFAULT_FILE);
    }

    public static DatabaseSettings sqlite(Path file) {
        return new DatabaseSettings(SQLITE + file, DEFAULT_POOL);
    }

    /** Reads {@code [database]}: {@code url}, else the SQLite file {@code path}; and {@code pool_size}. */
    public static DatabaseSettings from(JsonNode section) {
        JsonNode url = section.path("url");
        String chosen = url.isMissingNode() || url.asText().isBlank()
                ? SQLITE + section.path("path").asText(DEFAULT_FILE.toString())
                : url.asText();
        JsonNode pool = section.path("pool_size");
        if (!pool.isMissingNode() && !pool.isIntegralNumber()) {
            throw new IllegalArgumentException("database.pool_size must be a whole number, got " + pool);
        }
        return new DatabaseSettings(chosen, pool.asInt(DEFAULT_POOL));
    }

    /** The same settings on another database: a JDBC URL, or else a SQLite file path. */
    public DatabaseSettings withTarget(String urlOrFile) {
        return new DatabaseSettings(urlOrFile.startsWith("jdbc:") ? urlOrFile : SQLITE + urlOrFile, poolSize);
    }

    /** Whether several Parallax instances can share this database (PostgreSQL); SQLite is one process's. */
    public boolean shared() {
        return url.startsWith(POSTGRES);
    }

    /** The SQLite file; only for a {@code jdbc:sqlite:} URL. */
    Path sqliteFile() {
        String rest = url.substring(SQLITE.length());
        int query = rest.indexOf('?');
        return Path.of(query < 0 ? rest : rest.substring(0, query));
    }

    /** The URL as logs and error messages may show it: a password in it is masked. */
    public String describe() {
        return redact(url);
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
