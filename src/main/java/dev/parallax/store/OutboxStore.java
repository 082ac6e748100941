package dev.parallax.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery outbox. A digest's messages, the channel's new period and what it was shown are
 * written in one transaction, so a crash leaves either all of them or none; the idempotency key is
 * unique, so building the same period twice queues nothing new.
 */
public final class OutboxStore {
    private final Database db;
    private final Clock clock;

    public OutboxStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Queues a period's messages and moves the channel to that period; returns how many rows were new. */
    public int enqueue(String channelId, Instant period, List<OutboxItem> items, List<StoryMark> marks) {
        return db.inTransaction(c -> {
            String now = Sql.time(clock.instant());
            int added = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox(idempotency_key, channel_id,"
                    + " parent_key, kind, payload, status, next_attempt_at, created_at)"
                    + " VALUES (?,?,?,?,?,'pending',?,?) ON CONFLICT(idempotency_key) DO NOTHING")) {
                for (OutboxItem item : items) {
                    ps.setString(1, item.key());
                    ps.setString(2, channelId);
                    ps.setString(3, item.parentKey());
                    ps.setString(4, item.kind());
                    ps.setString(5, item.payload());
                    ps.setString(6, now);
                    ps.setString(7, now);
                    added += ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO channel_stories(channel_id, story_id,"
                    + " message_key, outlets, divergence_signature, updated_at) VALUES (?,?,?,?,?,?)"
                    + " ON CONFLICT(channel_id, story_id) DO UPDATE SET outlets = excluded.outlets,"
                    + " divergence_signature = excluded.divergence_signature, updated_at = excluded.updated_at")) {
                for (StoryMark m : marks) {
                    ps.setString(1, channelId);
                    ps.setString(2, m.storyId());
                    ps.setString(3, m.messageKey());
                    ps.setInt(4, m.outlets());
                    ps.setString(5, m.divergenceSignature());
                    ps.setString(6, now);
                    ps.executeUpdate();
                }
            }
            if (period != null) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE channels SET last_period = ? WHERE id = ?"
                        + " AND last_period < ?")) {
                    ps.setString(1, Sql.time(period));
                    ps.setString(2, channelId);
                    ps.setString(3, Sql.time(period));
                    ps.executeUpdate();
                }
            }
            return added;
        });
    }

    /**
     * Claims up to {@code limit} due rows of enabled channels for sending, under a lease. A row whose
     * parent is not yet delivered waits, so replies never precede their thread. A row still
     * "sending" after its lease ran out was cut off mid-delivery and comes back marked recovered.
     */
    public List<ClaimedDelivery> claimDue(Duration lease, int limit) {
        return db.inTransaction(c -> {
            String now = Sql.time(clock.instant());
            List<ClaimedDelivery> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT o.id, o.idempotency_key, o.channel_id, o.kind,"
                    + " o.payload, o.attempts, o.status, p.message_id FROM outbox o"
                    + " JOIN channels ch ON ch.id = o.channel_id AND ch.enabled = 1"
                    + " LEFT JOIN outbox p ON p.idempotency_key = o.parent_key"
                    + " WHERE ((o.status = 'pending' AND o.next_attempt_at <= ?)"
                    + "     OR (o.status = 'sending' AND o.lease_until <= ?))"
                    + "   AND (o.parent_key IS NULL OR p.status = 'done')"
                    + " ORDER BY o.id LIMIT ?")) {
                ps.setString(1, now);
                ps.setString(2, now);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ClaimedDelivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6) + 1, "sending".equals(rs.getString(7)),
                                rs.getString(8)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = 'sending', lease_until = ?,"
                    + " attempts = attempts + 1 WHERE id = ?")) {
                for (ClaimedDelivery d : out) {
                    ps.setString(1, Sql.time(clock.instant().plus(lease)));
                    ps.setLong(2, d.id());
                    ps.executeUpdate();
                }
            }
            return out;
        });
    }

    public void markDone(long id, String messageId) {
        execute("UPDATE outbox SET status = 'done', message_id = ?, sent_at = ?, lease_until = NULL,"
                + " last_error = NULL WHERE id = ?", messageId, Sql.time(clock.instant()), id);
    }

    public void markRetry(long id, Instant next, String error) {
        execute("UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ?, lease_until = NULL"
                + " WHERE id = ?", Sql.time(next), error, id);
    }

    public void markDead(long id, String error) {
        execute("UPDATE outbox SET status = 'dead', last_error = ?, lease_until = NULL WHERE id = ?", error, id);
    }

    /** Rows not yet delivered (pending or in flight) and the age of the oldest, for metrics. */
    public Backlog backlog() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), min(created_at) FROM outbox"
                    + " WHERE status IN ('pending', 'sending')"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                Instant oldest = Sql.instant(rs.getString(2));
                return new Backlog(rs.getInt(1),
                        oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant()));
            }
        });
    }

    /** Outbox size and the age of its oldest undelivered row. */
    public record Backlog(int depth, Duration oldestAge) {
    }

    /** The payload of the channel's most recent delivered row of this kind. */
    public Optional<String> latestDelivered(String channelId, String kind) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM outbox WHERE channel_id = ?"
                    + " AND kind = ? AND status = 'done' ORDER BY sent_at DESC, id DESC LIMIT 1")) {
                ps.setString(1, channelId);
                ps.setString(2, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** What the channel was shown of each story so far. */
    public Map<String, StoryMark> marks(String channelId) {
        return db.read(c -> {
            Map<String, StoryMark> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT story_id, message_key, outlets,"
                    + " divergence_signature FROM channel_stories WHERE channel_id = ?")) {
                ps.setString(1, channelId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new StoryMark(rs.getString(1), rs.getString(2), rs.getInt(3),
                                rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    private void execute(String sql, Object... params) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                ps.executeUpdate();
            }
            return null;
        });
    }
}
