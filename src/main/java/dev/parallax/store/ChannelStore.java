package dev.parallax.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Channels, their schedules and filters, and whether they are still deliverable. */
public final class ChannelStore {
    private static final String COLUMNS = "id, platform, address, schedule, zone, include_topics, exclude_topics,"
            + " enabled, disabled_reason, last_period";

    private final Database db;
    private final Clock clock;

    public ChannelStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Registers a channel from configuration, or updates its schedule and filters; a new channel's
     * first digest is its first scheduled time from now.
     */
    public void upsert(String id, String platform, String address, String schedule, String zone,
                       List<String> include, List<String> exclude) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO channels(id, platform, address, schedule,"
                    + " zone, include_topics, exclude_topics, last_period, created_at) VALUES (?,?,?,?,?,?,?,?,?)"
                    + " ON CONFLICT(id) DO UPDATE SET schedule = excluded.schedule, zone = excluded.zone,"
                    + " include_topics = excluded.include_topics, exclude_topics = excluded.exclude_topics")) {
                String now = Sql.time(clock.instant());
                ps.setString(1, id);
                ps.setString(2, platform);
                ps.setString(3, address);
                ps.setString(4, schedule);
                ps.setString(5, zone);
                ps.setString(6, String.join(" ", include));
                ps.setString(7, String.join(" ", exclude));
                ps.setString(8, now);
                ps.setString(9, now);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<ChannelRow> find(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM channels WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<ChannelRow> all() {
        return db.read(c -> {
            List<ChannelRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM channels ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    public void setSchedule(String id, String schedule, String zone) {
        update(id, "UPDATE channels SET schedule = ?, zone = ? WHERE id = ?", schedule, zone);
    }

    public void setTopics(String id, List<String> include, List<String> exclude) {
        update(id, "UPDATE channels SET include_topics = ?, exclude_topics = ? WHERE id = ?",
                String.join(" ", include), String.join(" ", exclude));
    }

    /** Stops deliveries to a channel for good (until re-enabled), keeping why. */
    public void disable(String id, String reason) {
        update(id, "UPDATE channels SET enabled = 0, disabled_reason = ? WHERE id = ?", reason);
    }

    /** Marks a period as handled without building it (missed beyond the grace period). */
    public void skipTo(String id, Instant period) {
        update(id, "UPDATE channels SET last_period = ? WHERE id = ?", Sql.time(period));
    }

    private void update(String id, String sql, String... values) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setString(i + 1, values[i]);
                }
                ps.setString(values.length + 1, id);
                if (ps.executeUpdate() == 0) {
                    throw new IllegalArgumentException("unknown channel: " + id);
                }
            }
            return null;
        });
    }

    private static ChannelRow read(ResultSet rs) throws SQLException {
        return new ChannelRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                words(rs.getString(6)), words(rs.getString(7)), rs.getInt(8) == 1, rs.getString(9),
                Sql.instant(rs.getString(10)));
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.strip().split("\\s+"));
    }
}
