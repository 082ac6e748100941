package dev.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite database does: its file, its folder, its pragmas. */
class SqliteDatabaseTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("opening creates the file and its folder, in WAL mode with foreign keys on, on every pooled connection")
    void walForeignKeysOnEveryConnection() throws Exception {
        try (Database db = Database.open(dir.resolve("sub/parallax.db"))) {
            assertThat(Files.isRegularFile(dir.resolve("sub/parallax.db"))).isTrue();
            assertThat(db.shared()).isFalse();
            // Two connections held at once: the second comes fresh from the pool, set up the same way.
            try (var first = db.connection(); var second = db.connection(); Statement st = second.createStatement()) {
                assertThat(first).isNotSameAs(second);
                assertThat(string(st, "PRAGMA journal_mode")).isEqualTo("wal");
                assertThat(string(st, "PRAGMA foreign_keys")).isEqualTo("1");
                assertThat(string(st, "PRAGMA busy_timeout")).isEqualTo("10000");
            }
        }
    }

    @Test
    @DisplayName("the WAL stays while the database is open and is folded into the file when it closes")
    void walCheckpointedAtClose() {
        Path file = dir.resolve("parallax.db");
        Database db = Database.open(file);
        new SourceStore(db, java.time.Clock.systemUTC()).ensure("folder", "/in", "in");

        boolean walWhileOpen = Files.exists(dir.resolve("parallax.db-wal"));
        db.close();

        assertThat(walWhileOpen).isTrue();
        assertThat(Files.exists(dir.resolve("parallax.db-wal"))).isFalse();
    }

    private static String string(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
