package dev.parallax.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The web sources that are polled, and the state each poll leaves behind. */
public final class SourcePollStore {
    private static final String SELECT = "SELECT s.id, s.kind, s.location, s.name, p.interval_seconds, p.etag,"
            + " p.last_modified, p.last_fetch_at, p.last_success_at, p.last_status, p.last_error, p.failures,"
            + " p.next_due_at, p.disabled_reason FROM source_polls p JOIN sources s ON s.id = p.source_id";

    private final Database db;
    private final Clock clock;

    public SourcePollStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Outcome of {@link #add}: a new polled source, or one that was already polled (now re-enabled). */
    public sealed interface Added {
        SourcePoll source();

        record New(SourcePoll source) implements Added {
        }

        record Existing(SourcePoll source) implements Added {
        }
    }

    /** Starts polling the source (due now); adding a known one re-enables it with the new interval. */
    public Added add(long sourceId, Duration interval) {
        Instant now = clock.instant();
        boolean existed = db.inTransaction(c -> {
            boolean known = find(c, sourceId).isPresent();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO source_polls(source_id, interval_seconds,"
                    + " last_status, failures, next_due_at, added_at) VALUES (?,?,'new',0,?,?)"
                    + " ON CONFLICT(source_id) DO UPDATE SET interval_seconds = excluded.interval_seconds,"
                    + " failures = 0, disabled_reason = NULL, next_due_at = excluded.next_due_at")) {
                ps.setLong(1, sourceId);
                ps.setLong(2, interval.toSeconds());
                ps.setString(3, Sql.time(now));
                ps.setString(4, Sql.time(now));
                ps.executeUpdate();
            }
            return known;
        });
        SourcePoll poll = find(sourceId).orElseThrow();
        return existed ? new Added.Existing(poll) : new Added.New(poll);
    }

    /** Stops polling; the source row and its articles stay. True when it was polled. */
    public boolean remove(long sourceId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM source_polls WHERE source_id = ?")) {
                ps.setLong(1, sourceId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public Optional<SourcePoll> find(long sourceId) {
        return db.read(c -> find(c, sourceId));
    }

    /** Every polled source, by id. */
    public List<SourcePoll> all() {
        return query(SELECT + " ORDER BY s.id", null);
    }

    /** Enabled sources due at or before the given time, most overdue first. */
    public List<SourcePoll> due(Instant now) {
        return query(SELECT + " WHERE p.disabled_reason IS NULL AND p.next_due_at <= ? ORDER BY p.next_due_at, s.id",
                Sql.time(now));
    }

    /** Writes the state a poll left (as the poll policy computed it). */
    public void save(SourcePoll s) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE source_polls SET interval_seconds = ?, etag = ?,"
                    + " last_modified = ?, last_fetch_at = ?, last_success_at = ?, last_status = ?, last_error = ?,"
                    + " failures = ?, next_due_at = ?, disabled_reason = ? WHERE source_id = ?")) {
                ps.setLong(1, s.interval().toSeconds());
                ps.setString(2, s.etag());
                ps.setString(3, s.lastModified());
                ps.setString(4, Sql.time(s.lastFetch()));
                ps.setString(5, Sql.time(s.lastSuccess()));
                ps.setString(6, s.lastStatus());
                ps.setString(7, s.lastError());
                ps.setInt(8, s.failures());
                ps.setString(9, Sql.time(s.nextDue()));
                ps.setString(10, s.disabledReason());
                ps.setLong(11, s.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE sources SET kind = ?, name = ? WHERE id = ?")) {
                ps.setString(1, s.kind());
                ps.setString(2, s.name());
                ps.setLong(3, s.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private List<SourcePoll> query(String sql, String param) {
        return db.read(c -> {
            List<SourcePoll> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (param != null) {
                    ps.setString(1, param);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    private static Optional<SourcePoll> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE s.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static SourcePoll read(ResultSet rs) throws SQLException {
        return new SourcePoll(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Duration.ofSeconds(rs.getLong(5)), rs.getString(6), rs.getString(7), Sql.instant(rs.getString(8)),
                Sql.instant(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getInt(12),
                Sql.instant(rs.getString(13)), rs.getString(14));
    }
}
