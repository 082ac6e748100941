package dev.parallax.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 7 on PostgreSQL: the tables of Quartz's clustered job store, created from the script
 * Quartz ships in its jar, so they always match the Quartz version we run. Its DROP statements
 * are left out (a database gets these tables once, through this migration) and so is its COMMIT
 * (Flyway commits the migration).
 */
final class QuartzTables implements JavaMigration {
    static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("7");
    }

    @Override
    public String getDescription() {
        return "quartz tables";
    }

    // No checksum: the script belongs to Quartz; an upgrade that changes it needs a migration of its own.
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : statements(script())) {
                st.execute(sql);
            }
        }
    }

    /** The script's statements, without comments, DROPs and COMMIT. */
    static List<String> statements(String script) {
        StringBuilder text = new StringBuilder();
        script.lines().filter(l -> !l.strip().startsWith("--")).forEach(l -> text.append(l).append('\n'));
        List<String> out = new ArrayList<>();
        for (String part : text.toString().split(";")) {
            String sql = part.strip();
            String head = sql.toUpperCase(Locale.ROOT);
            if (!sql.isEmpty() && !head.startsWith("DROP ") && !head.equals("COMMIT")) {
                out.add(sql);
            }
        }
        return out;
    }

    static String script() throws IOException {
        try (InputStream in = QuartzTables.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("Quartz's " + SCRIPT + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
