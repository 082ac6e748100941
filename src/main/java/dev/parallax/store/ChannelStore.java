package dev.parallax.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Channels, their schedules and filters, and whether they are still deliverable. */
public final class ChannelStore {
    private static final String COLUMNS = "id, platform, address, schedule, zone, include_topics, exclude_topics,"
            + " enabled, disabled_reason, from_config, last_period, last_digest_at, digest_count";

    private final Database db;
    private final Clock clock;

    public ChannelStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Registers or updates a channel declared in the configuration file (the file wins over chat
     * changes). A new channel, or one whose schedule or zone changed, starts its schedule from now,
     * so it gets no "missed" digest for a time before it existed.
     */
    public void declare(String id, String platform, String address, String schedule, String zone,
                        List<String> include, List<String> exclude) {
        db.inTransaction(c -> {
            // Several instances declare the same channels as they start: whichever inserts first wins.
            if (insert(c, id, platform, address, schedule, zone, include, exclude, true) == 1) {
                return null;
            }
            ChannelRow before = find(c, id).orElseThrow();
            String now = Sql.time(clock.instant());
            boolean moved = !Objects.equals(before.schedule(), schedule) || !before.zone().equals(zone);
            try (PreparedStatement ps = c.prepareStatement("UPDATE channels SET schedule = ?, zone = ?,"
                    + " include_topics = ?, exclude_topics = ?, from_config = 1, last_period = ? WHERE id = ?")) {
                ps.setString(1, schedule);
                ps.setString(2, zone);
                ps.setString(3, lines(include));
                ps.setString(4, lines(exclude));
                ps.setString(5, moved ? now : Sql.time(before.lastPeriod()));
                ps.setString(6, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Registers a channel first seen in a chat command: no schedule, UTC, no filters. */
    public ChannelRow register(String id, String platform, String address) {
        return db.inTransaction(c -> {
            insert(c, id, platform, address, null, "UTC", List.of(), List.of(), false); // a no-op when known
            return find(c, id).orElseThrow();
        });
    }

    /** Turns off the schedule of channels the config file no longer declares; returns their ids. */
    public List<String> retireUndeclared(Collection<String> declared) {
        Set<String> keep = Set.copyOf(declared);
        return db.inTransaction(c -> {
            List<String> retired = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM channels WHERE from_config = 1");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (!keep.contains(rs.getString(1))) {
                        retired.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE channels SET schedule = NULL, from_config = 0 WHERE id = ?")) {
                for (String id : retired) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
            }
            return retired;
        });
    }

    public Optional<ChannelRow> find(String id) {
        return db.read(c -> find(c, id));
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

    /** Sets (or with null, turns off) the schedule; it counts from now, so no digest is "missed" by the change. */
    public void setSchedule(String id, String schedule, String zone) {
        update(id, "UPDATE channels SET schedule = ?, zone = ?, last_period = ? WHERE id = ?", schedule, zone,
                Sql.time(clock.instant()));
    }

    public void setTopics(String id, List<String> include, List<String> exclude) {
        update(id, "UPDATE channels SET include_topics = ?, exclude_topics = ? WHERE id = ?", lines(include),
                lines(exclude));
    }

    /** Stops deliveries to a channel for good (until re-enabled), keeping why. */
    public void disable(String id, String reason) {
        update(id, "UPDATE channels SET enabled = 0, disabled_reason = ? WHERE id = ?", reason);
    }

    /** Delivers to the channel again; its schedule counts from now. */
    public void enable(String id) {
        update(id, "UPDATE channels SET enabled = 1, disabled_reason = NULL, last_period = ? WHERE id = ?",
                Sql.time(clock.instant()));
    }

    /** Marks the periods up to {@code period} as handled without building them (missed beyond the grace period). */
    public void skipTo(String id, Instant period) {
        update(id, "UPDATE channels SET last_period = ? WHERE id = ?", Sql.time(period));
    }

    // Returns 1 when inserted, 0 when the channel already existed.
    private int insert(Connection c, String id, String platform, String address, String schedule, String zone,
                       List<String> include, List<String> exclude, boolean fromConfig) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO channels(id, platform, address, schedule, zone,"
                + " include_topics, exclude_topics, from_config, last_period, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)"
                + " ON CONFLICT(id) DO NOTHING")) {
            String now = Sql.time(clock.instant());
            ps.setString(1, id);
            ps.setString(2, platform);
            ps.setString(3, address);
            ps.setString(4, schedule);
            ps.setString(5, zone);
            ps.setString(6, lines(include));
            ps.setString(7, lines(exclude));
            ps.setInt(8, fromConfig ? 1 : 0);
            ps.setString(9, now);
            ps.setString(10, now);
            return ps.executeUpdate();
        }
    }

    private static Optional<ChannelRow> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM channels WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
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
                split(rs.getString(6)), split(rs.getString(7)), rs.getInt(8) == 1, rs.getString(9), rs.getInt(10) == 1,
                Sql.instant(rs.getString(11)), Sql.instant(rs.getString(12)), rs.getLong(13));
    }

    // Topics may be phrases ("climate change"), so they are kept one per line.
    static String lines(List<String> values) {
        return String.join("\n", values.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : List.copyOf(Arrays.asList(text.split("\n")));
    }
}
