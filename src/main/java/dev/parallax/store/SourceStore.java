package dev.parallax.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/** The places articles come from; one row per location. */
public final class SourceStore {
    private final Database db;
    private final Clock clock;

    public SourceStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The id of the source at this location, creating it on first sight. */
    public long ensure(String kind, String location, String name) {
        return db.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO sources(kind, location, name, created_at) VALUES (?,?,?,?) "
                            + "ON CONFLICT(location) DO NOTHING")) {
                insert.setString(1, kind);
                insert.setString(2, location);
                insert.setString(3, name);
                insert.setString(4, Sql.time(clock.instant()));
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM sources WHERE location = ?")) {
                select.setString(1, location);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The id of the source at this location, if it is known. */
    public Optional<Long> idAt(String location) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sources WHERE location = ?")) {
                ps.setString(1, location);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }
}
