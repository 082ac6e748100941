package dev.parallax.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery outbox. A digest's messages, what the channel was shown and the channel's new
 * cursors are written in one transaction, so a crash leaves either all of them or none; the
 * idempotency key is unique, so queueing the same message twice adds nothing.
 */
public final class OutboxStore {
    private final Database db;
    private final Clock clock;

    public OutboxStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A digest ready to queue: its messages, its story marks, and the cursors it moves the channel to. */
    public record Batch(String channelId, long expectedDigestCount, Instant period, Instant builtAt,
                        List<OutboxItem> items, List<StoryMark> marks) {
    }

    /** What {@link #enqueue} did. */
    public sealed interface EnqueueOutcome {
        /** Queued; {@code added} rows were new. */
        record Queued(int added) implements EnqueueOutcome {
        }

        /** Another build of this channel committed first: nothing was written, build again. */
        record Superseded() implements EnqueueOutcome {
        }
    }

    /**
     * Queues a digest and moves the channel's cursors ({@code period} null leaves the schedule
     * cursor alone: a digest on demand). Nothing is written when another build got in first.
     */
    public EnqueueOutcome enqueue(Batch batch) {
        return db.inTransaction(c -> {
            String now = Sql.time(clock.instant());
            if (update(c, "UPDATE channels SET digest_count = digest_count + 1, last_digest_at = ?"
                    + " WHERE id = ? AND digest_count = ?", Sql.time(batch.builtAt()), batch.channelId(),
                    batch.expectedDigestCount()) == 0) {
                return new EnqueueOutcome.Superseded();
            }
            if (batch.period() != null) {
                String period = Sql.time(batch.period());
                update(c, "UPDATE channels SET last_period = ? WHERE id = ? AND last_period < ?", period,
                        batch.channelId(), period);
            }
            int added = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox(idempotency_key, channel_id,"
                    + " parent_key, kind, payload, status, next_attempt_at, created_at)"
                    + " VALUES (?,?,?,?,?,'pending',?,?) ON CONFLICT(idempotency_key) DO NOTHING")) {
                for (OutboxItem item : batch.items()) {
                    ps.setString(1, item.key());
                    ps.setString(2, batch.channelId());
                    ps.setString(3, item.parentKey());
                    ps.setString(4, item.kind());
                    ps.setString(5, item.payload());
                    ps.setString(6, now);
                    ps.setString(7, now);
                    added += ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO channel_stories(channel_id, story_id,"
                    + " message_key, outlets, outlet_names, divergence_signature, updated_at) VALUES (?,?,?,?,?,?,?)"
                    + " ON CONFLICT(channel_id, story_id) DO UPDATE SET outlets = excluded.outlets,"
                    + " outlet_names = excluded.outlet_names, divergence_signature = excluded.divergence_signature,"
                    + " updated_at = excluded.updated_at")) {
                for (StoryMark m : batch.marks()) {
                    ps.setString(1, batch.channelId());
                    ps.setString(2, m.storyId());
                    ps.setString(3, m.messageKey());
                    ps.setInt(4, m.outlets().size());
                    ps.setString(5, ChannelStore.lines(m.outlets()));
                    ps.setString(6, m.divergenceSignature());
                    ps.setString(7, now);
                    ps.executeUpdate();
                }
            }
            return new EnqueueOutcome.Queued(added);
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
                String until = Sql.time(clock.instant().plus(lease));
                for (ClaimedDelivery d : out) {
                    ps.setString(1, until);
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

    /** Back to pending after a failed attempt, not before {@code next}. */
    public void markRetry(long id, Instant next, String error) {
        execute("UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ?, lease_until = NULL"
                + " WHERE id = ?", Sql.time(next), error, id);
    }

    /** Hands a claimed row back unsent (the channel is held, we are stopping): the claim does not count as an attempt. */
    public void release(long id, Instant next, String why) {
        execute("UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ?, lease_until = NULL,"
                + " attempts = attempts - 1 WHERE id = ? AND status = 'sending'", Sql.time(next), why, id);
    }

    /** Makes every pending row of the channel wait until {@code until} (rate limit, server trouble). */
    public void holdChannel(String channelId, Instant until) {
        String t = Sql.time(until);
        execute("UPDATE outbox SET next_attempt_at = ? WHERE channel_id = ? AND status = 'pending'"
                + " AND next_attempt_at < ?", t, channelId, t);
    }

    /** Gives a row up, and with it every undelivered row threaded under it (they could never be placed). */
    public void markDead(long id, String error) {
        db.inTransaction(c -> {
            String key;
            try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key FROM outbox WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    key = rs.getString(1);
                }
            }
            update(c, "UPDATE outbox SET status = 'dead', last_error = ?, lease_until = NULL WHERE id = ?", error, id);
            update(c, "WITH RECURSIVE doomed(k) AS (SELECT idempotency_key FROM outbox WHERE parent_key = ?"
                    + " UNION SELECT o.idempotency_key FROM outbox o JOIN doomed d ON o.parent_key = d.k)"
                    + " UPDATE outbox SET status = 'dead', last_error = ?, lease_until = NULL"
                    + " WHERE idempotency_key IN (SELECT k FROM doomed) AND status IN ('pending', 'sending')",
                    key, "thread parent failed: " + error);
            return null;
        });
    }

    /** Gives up every undelivered row of a channel (it was disabled); returns how many. */
    public int dropChannel(String channelId, String reason) {
        return db.inTransaction(c -> update(c, "UPDATE outbox SET status = 'dead', last_error = ?,"
                + " lease_until = NULL WHERE channel_id = ? AND status IN ('pending', 'sending')", reason, channelId));
    }

    /**
     * After a restart of the only instance, rows it left "sending" are recovered at once instead of
     * when their lease runs out. Returns how many. (With several instances the lease alone decides.)
     */
    public int recoverInFlight() {
        return db.inTransaction(c -> update(c, "UPDATE outbox SET lease_until = ? WHERE status = 'sending'",
                Sql.time(clock.instant())));
    }

    /**
     * Forgets what is older than {@code keep}: delivered and given-up rows, and what channels were
     * shown of stories that stopped changing. Rows a story mark still threads under, and each
     * channel's latest delivered header, stay. Returns the outbox rows removed.
     */
    public int prune(Duration keep) {
        String cutoff = Sql.time(clock.instant().minus(keep));
        return db.inTransaction(c -> {
            update(c, "DELETE FROM channel_stories WHERE updated_at < ?", cutoff);
            return update(c, "DELETE FROM outbox WHERE status IN ('done', 'dead') AND created_at < ?"
                    + " AND idempotency_key NOT IN (SELECT message_key FROM channel_stories)"
                    + " AND id NOT IN (SELECT max(id) FROM outbox WHERE kind = 'header' AND status = 'done'"
                    + " GROUP BY channel_id)", cutoff);
        });
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

    /** What the channel was shown of each story so far; a story whose message was given up counts as never shown. */
    public Map<String, StoryMark> marks(String channelId) {
        return db.read(c -> {
            Map<String, StoryMark> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT cs.story_id, cs.message_key, cs.outlet_names,"
                    + " cs.divergence_signature FROM channel_stories cs"
                    + " LEFT JOIN outbox o ON o.idempotency_key = cs.message_key"
                    + " WHERE cs.channel_id = ? AND (o.status IS NULL OR o.status <> 'dead')")) {
                ps.setString(1, channelId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new StoryMark(rs.getString(1), rs.getString(2),
                                ChannelStore.split(rs.getString(3)), rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    private void execute(String sql, Object... params) {
        db.inTransaction(c -> update(c, sql, params));
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }
}
