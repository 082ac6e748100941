package dev.parallax.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The store's contract: every test of a subclass runs once on SQLite and once on PostgreSQL, each
 * time on a fresh database (PostgreSQL tests are skipped, saying why, when no server is configured).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseFixture.Kind.class)
abstract class StoreContract {
    @Parameter
    DatabaseFixture.Kind kind;

    @TempDir
    Path dir;

    DatabaseFixture databases;
    private Database db;

    // Without a PostgreSQL server each PostgreSQL test is skipped, with the reason (see DatabaseFixture).
    @BeforeEach
    void freshDatabase() {
        databases = DatabaseFixture.create(kind, dir);
    }

    @AfterEach
    void dropDatabase() {
        if (databases != null) {
            databases.close();
        }
    }

    /** This test's database (opened on first use). */
    Database db() {
        if (db == null) {
            db = databases.open();
        }
        return db;
    }
}
