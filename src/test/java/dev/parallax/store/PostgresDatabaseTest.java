package dev.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the PostgreSQL database does: Quartz's tables, instances starting together. */
class PostgresDatabaseTest {
    @TempDir
    java.nio.file.Path dir;

    private DatabaseFixture databases;

    @AfterEach
    void drop() {
        if (databases != null) {
            databases.close();
        }
    }

    @Test
    @DisplayName("Quartz's own script, read from its jar, loses only its DROPs and its COMMIT")
    void quartzScriptStatements() throws Exception {
        List<String> statements = QuartzTables.statements(QuartzTables.script());

        assertThat(statements).isNotEmpty().noneMatch(s -> s.toUpperCase(Locale.ROOT).startsWith("DROP"))
                .noneMatch(s -> s.equalsIgnoreCase("COMMIT")).noneMatch(s -> s.contains("--"));
        assertThat(statements).filteredOn(s -> s.startsWith("CREATE TABLE")).hasSize(quartzTables().size());
    }

    @Test
    @DisplayName("the clustered scheduler's tables are there, exactly those Quartz's script creates")
    void quartzTablesCreated() throws Exception {
        databases = DatabaseFixture.create(DatabaseFixture.Kind.POSTGRESQL, dir);
        Database db = databases.open();

        Set<String> tables = new TreeSet<>();
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = current_schema() AND table_name LIKE 'qrtz%'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }

        assertThat(db.shared()).isTrue();
        assertThat(tables).isEqualTo(quartzTables());
    }

    @Test
    @DisplayName("three instances starting at once on an empty database migrate it once and all come up")
    void instancesStartTogether() throws Exception {
        databases = DatabaseFixture.create(DatabaseFixture.Kind.POSTGRESQL, dir);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Database>> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starts.add(pool.submit(databases::open));
        }

        List<Database> up = new ArrayList<>();
        for (Future<Database> start : starts) {
            up.add(start.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(up).hasSize(3);
        try (Connection c = up.get(2).connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT version) FROM flyway_schema_history"
                     + " WHERE version IS NOT NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(8).isEqualTo(rs.getInt(2));
        }
    }

    private static Set<String> quartzTables() throws Exception {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("CREATE TABLE (\\w+)").matcher(QuartzTables.script());
        while (m.find()) {
            names.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
