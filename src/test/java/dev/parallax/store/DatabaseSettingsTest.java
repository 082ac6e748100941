package dev.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {
    private static DatabaseSettings parse(String toml) throws Exception {
        return DatabaseSettings.from(new TomlMapper().readTree(toml).path("database"));
    }

    @Test
    @DisplayName("no [database] section is the SQLite file data/parallax.db; path names another file; url wins")
    void choosesByUrl() throws Exception {
        DatabaseSettings none = parse("");
        DatabaseSettings file = parse("[database]\npath = \"x/p.db\"\n");
        DatabaseSettings pg = parse("[database]\npath = \"ignored.db\"\n"
                + "url = \"jdbc:postgresql://127.0.0.1:5432/test?user=postgres\"\npool_size = 4\n");

        assertThat(none.url()).isEqualTo("jdbc:sqlite:" + Path.of("data", "parallax.db"));
        assertThat(none.shared()).isFalse();
        assertThat(file.sqliteFile()).isEqualTo(Path.of("x/p.db"));
        assertThat(pg.shared()).isTrue();
        assertThat(pg.poolSize()).isEqualTo(4);
        assertThat(pg.withTarget("other.db").url()).isEqualTo("jdbc:sqlite:other.db");
        assertThat(pg.withTarget("other.db").poolSize()).isEqualTo(4);
    }

    @Test
    @DisplayName("an unknown database, an empty file name or a bad pool size is one clear error; a password never shows")
    void badValues() {
        assertThatThrownBy(() -> parse("[database]\nurl = \"jdbc:mysql://h/db?password=hunter2\"\n"))
                .hasMessage("database.url must start with jdbc:sqlite: or jdbc:postgresql:, got:"
                        + " jdbc:mysql://h/db?password=***");
        assertThatThrownBy(() -> parse("[database]\nurl = \"jdbc:sqlite:\"\n")).hasMessageContaining("no SQLite file");
        assertThatThrownBy(() -> parse("[database]\npool_size = 0\n")).hasMessageContaining("between 1 and 200");
        assertThatThrownBy(() -> parse("[database]\nurl = \"jdbc:postgresql://h/db\"\npool_size = 1\n"))
                .hasMessageContaining("at least 2 on PostgreSQL");
        assertThatThrownBy(() -> parse("[database]\npool_size = \"ten\"\n")).hasMessageContaining("whole number");
        assertThat(new DatabaseSettings("jdbc:postgresql://h/db?user=u&password=s3cret", 2).describe())
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***");
    }

    @Test
    @DisplayName("a PostgreSQL server that does not answer is one line naming the database, not a stack of causes")
    void unreachableServer() {
        DatabaseSettings nowhere = new DatabaseSettings(
                "jdbc:postgresql://127.0.0.1:1/parallax?user=parallax&password=s3cret&connectTimeout=2", 2);

        assertThatThrownBy(() -> Database.open(nowhere, null))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot connect to database jdbc:postgresql://127.0.0.1:1/parallax?user=parallax"
                        + "&password=***&connectTimeout=2: ")
                .hasMessageNotContaining("s3cret")
                .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1));
    }
}
