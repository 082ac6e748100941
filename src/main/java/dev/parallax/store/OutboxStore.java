package dev.parallax.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The delivery outbox. A digest's messages, what the channel was shown and the channel's new
 * cursors are written in one transaction, so a crash leaves either all of them or none; the
 * idempotency key is unique, so queueing the same message twice adds nothing.
 */
public final class OutboxStore {
    private final Database db;
    private final Clock clock;
    // Names each claim (claimer, then a count), so that only the current claimer records a row's outcome.
    private final String claimant = Long.toString(ThreadLocalRandom.current().nextLong()
            & Long.MAX_VALUE, 36);
    private final AtomicLong claims = new AtomicLong();

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
     * Claims due rows of enabled channels on the given platforms for sending, under a lease: up to
     * {@code limit} rows, whole channels at a time, oldest waiting first. A channel is served by one
     * claimer at a time (another instance skips a channel while any of its rows is in flight), so its
     * messages go out in order and a rate limit holds all of them. A row whose parent is not yet
     * delivered waits, so replies never precede their thread. A row still "sending" after its lease
     * ran out was cut off mid-delivery (its sender died or stalled) and comes back marked recovered.
     */
    public List<ClaimedDelivery> claimDue(Set<String> platforms, Duration lease, int limit) {
        if (platforms.isEmpty() || limit <= 0) {
            return List.of();
        }
        String token = claimant + "-" + claims.incrementAndGet();
        return db.inTransaction(c -> {
            String now = Sql.time(clock.instant());
            List<ClaimedDelivery> out = new ArrayList<>();
            for (String channel : claimChannels(c, platforms, now, limit)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT o.id, o.idempotency_key, o.channel_id, o.kind,"
                        + " o.payload, o.attempts, o.status, p.message_id FROM outbox o"
                        + " LEFT JOIN outbox p ON p.idempotency_key = o.parent_key"
                        + " WHERE o.channel_id = ? AND " + DUE + " ORDER BY o.id LIMIT ?")) {
                    ps.setString(1, channel);
                    ps.setString(2, now);
                    ps.setString(3, now);
                    ps.setInt(4, limit - out.size());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new ClaimedDelivery(rs.getLong(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getString(5), rs.getInt(6) + 1,
                                    "sending".equals(rs.getString(7)), rs.getString(8), token));
                        }
                    }
                }
                if (out.size() >= limit) {
                    break;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = 'sending', lease_until = ?,"
                    + " attempts = attempts + 1, claimed_by = ? WHERE id = ?")) {
                String until = Sql.time(clock.instant().plus(lease));
                for (ClaimedDelivery d : out) {
                    ps.setString(1, until);
                    ps.setString(2, token);
                    ps.setLong(3, d.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return out;
        });
    }

    // A row is due when it waits and its time has come, or when its sender's lease ran out; and its parent is done.
    private static final String DUE = "((o.status = 'pending' AND o.next_attempt_at <= ?)"
            + " OR (o.status = 'sending' AND o.lease_until <= ?)) AND (o.parent_key IS NULL OR p.status = 'done')";

    // The channels to serve, locked for this transaction (claimers skip each other's), none with a live send.
    private List<String> claimChannels(Connection c, Set<String> platforms, String now, int limit) throws SQLException {
        String marks = String.join(",", Collections.nCopies(platforms.size(), "?"));
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ch.id FROM channels ch JOIN (SELECT o.channel_id,"
                + " min(o.id) AS first FROM outbox o LEFT JOIN outbox p ON p.idempotency_key = o.parent_key"
                + " WHERE " + DUE + " GROUP BY o.channel_id) due ON due.channel_id = ch.id"
                + " WHERE ch.enabled = 1 AND ch.platform IN (" + marks + ")"
                + " AND NOT EXISTS (SELECT 1 FROM outbox s WHERE s.channel_id = ch.id AND s.status = 'sending'"
                + " AND s.lease_until > ?) ORDER BY due.first LIMIT ?" + db.dialect().lockSkippingLocked("ch"))) {
            int i = 1;
            ps.setString(i++, now);
            ps.setString(i++, now);
            for (String platform : platforms) {
                ps.setString(i++, platform);
            }
            ps.setString(i++, now);
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * Extends the lease of a row this claimer still holds (before and while sending it); false when
     * the lease ran out and another claimer took the row over, which then delivers it instead.
     */
    public boolean renew(ClaimedDelivery row, Duration lease) {
        return db.inTransaction(c -> update(c, "UPDATE outbox SET lease_until = ? WHERE id = ? AND claimed_by = ?"
                + " AND status = 'sending'", Sql.time(clock.instant().plus(lease)), row.id(), row.claim())) == 1;
    }

    /** Records the delivery; false when the row was no longer this claimer's (its lease had run out). */
    public boolean markDone(ClaimedDelivery row, String messageId) {
        return db.inTransaction(c -> update(c, "UPDATE outbox SET status = 'done', message_id = ?, sent_at = ?,"
                + " lease_until = NULL, last_error = NULL WHERE id = ? AND claimed_by = ?", messageId,
                Sql.time(clock.instant()), row.id(), row.claim())) == 1;
    }

    /** Back to pending after a failed attempt, not before {@code next}; false when no longer this claimer's. */
    public boolean markRetry(ClaimedDelivery row, Instant next, String error) {
        return db.inTransaction(c -> update(c, "UPDATE outbox SET status = 'pending', next_attempt_at = ?,"
                + " last_error = ?, lease_until = NULL WHERE id = ? AND claimed_by = ?", Sql.time(next), error,
                row.id(), row.claim())) == 1;
    }

    /** Hands a claimed row back unsent (the channel is held, we are stopping): the claim does not count as an attempt. */
    public void release(ClaimedDelivery row, Instant next, String why) {
        execute("UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ?, lease_until = NULL,"
                + " attempts = attempts - 1 WHERE id = ? AND status = 'sending' AND claimed_by = ?", Sql.time(next),
                why, row.id(), row.claim());
    }

    /** Makes every pending row of the channel wait until {@code until} (rate limit, server trouble). */
    public void holdChannel(String channelId, Instant until) {
        String t = Sql.time(until);
        execute("UPDATE outbox SET next_attempt_at = ? WHERE channel_id = ? AND status = 'pending'"
                + " AND next_attempt_at < ?", t, channelId, t);
    }

    /**
     * Gives a claimed row up, and with it every undelivered row threaded under it (they could never
     * be placed); false when the row was no longer this claimer's.
     */
    public boolean markDead(ClaimedDelivery row, String error) {
        return db.inTransaction(c -> {
            if (update(c, "UPDATE outbox SET status = 'dead', last_error = ?, lease_until = NULL WHERE id = ?"
                    + " AND claimed_by = ?", error, row.id(), row.claim()) == 0) {
                return false;
            }
            update(c, "WITH RECURSIVE doomed(k) AS (SELECT idempotency_key FROM outbox WHERE parent_key = ?"
                    + " UNION SELECT o.idempotency_key FROM outbox o JOIN doomed d ON o.parent_key = d.k)"
                    + " UPDATE outbox SET status = 'dead', last_error = ?, lease_until = NULL"
                    + " WHERE idempotency_key IN (SELECT k FROM doomed) AND status IN ('pending', 'sending')",
                    row.key(), "thread parent failed: " + error);
            return true;
        });
    }

    /** Gives up every undelivered row of a channel (it was disabled); returns how many. */
    public int dropChannel(String channelId, String reason) {
        return db.inTransaction(c -> update(c, "UPDATE outbox SET status = 'dead', last_error = ?,"
                + " lease_until = NULL WHERE channel_id = ? AND status IN ('pending', 'sending')", reason, channelId));
    }

    /**
     * After a restart of the only instance (SQLite), rows it left "sending" are recovered at once
     * instead of when their lease runs out. Returns how many. On a shared database (PostgreSQL) this
     * does nothing and returns 0: rows "sending" there may be another live instance's, and the rows
     * of a dead one come back when their lease runs out.
     */
    public int recoverInFlight() {
        if (db.shared()) {
            return 0;
        }
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
