package dev.parallax.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The feeds each channel subscribed to. A subscribed URL is an ordinary polled source, shared by
 * every channel that wants it; unsubscribing removes the channel's link, not the source (nor its
 * polling). A channel that follows feeds gets only the stories with an article from one of them.
 */
public final class SubscriptionStore {
    // Story ids per query, well under every database's limit on bound parameters.
    private static final int BATCH = 400;

    private final Database db;
    private final Clock clock;

    public SubscriptionStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One subscription of a channel. */
    public record Subscription(String url, String name, String addedBy, Instant addedAt) {
    }

    /**
     * Subscribes the channel (registering it, with no schedule, if a command speaks there first) to
     * the source; returns false when it already was.
     */
    public boolean subscribe(String channelId, String platform, String address, long sourceId, String addedBy) {
        return db.inTransaction(c -> {
            String now = Sql.time(clock.instant());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO channels(id, platform, address, zone,"
                    + " last_period, created_at) VALUES (?,?,?,'UTC',?,?) ON CONFLICT(id) DO NOTHING")) {
                ps.setString(1, channelId);
                ps.setString(2, platform);
                ps.setString(3, address);
                ps.setString(4, now);
                ps.setString(5, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO channel_sources(channel_id, source_id,"
                    + " added_by, added_at) VALUES (?,?,?,?) ON CONFLICT(channel_id, source_id) DO NOTHING")) {
                ps.setString(1, channelId);
                ps.setLong(2, sourceId);
                ps.setString(3, addedBy);
                ps.setString(4, now);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Removes the channel's subscription to this URL; false when it had none. */
    public boolean unsubscribe(String channelId, String url) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM channel_sources WHERE channel_id = ?"
                    + " AND source_id = (SELECT id FROM sources WHERE location = ?)")) {
                ps.setString(1, channelId);
                ps.setString(2, url);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The channel's subscriptions, oldest first. */
    public List<Subscription> list(String channelId) {
        return db.read(c -> {
            List<Subscription> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.location, s.name, cs.added_by, cs.added_at"
                    + " FROM channel_sources cs JOIN sources s ON s.id = cs.source_id WHERE cs.channel_id = ?"
                    + " ORDER BY cs.added_at, s.id")) {
                ps.setString(1, channelId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Subscription(rs.getString(1), rs.getString(2), rs.getString(3),
                                Sql.instant(rs.getString(4))));
                    }
                }
            }
            return out;
        });
    }

    /** Whether the channel follows any feed (and so gets only the stories of its feeds). */
    public boolean followsAny(String channelId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM channel_sources WHERE channel_id = ?")) {
                ps.setString(1, channelId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getLong(1) > 0;
                }
            }
        });
    }

    /**
     * Those of the stories that hold an article from a source the channel follows: stored from it,
     * or the same article seen through it too (a wire story in two feeds).
     */
    public Set<String> storiesFollowed(String channelId, Collection<String> storyIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(storyIds));
        Set<String> out = new HashSet<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            String in = String.join(",", Collections.nCopies(batch.size(), "?"));
            String sql = "SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
                    + " JOIN channel_sources cs ON cs.source_id = a.source_id"
                    + " WHERE cs.channel_id = ? AND sa.story_id IN (" + in + ")"
                    + " UNION SELECT sa.story_id FROM story_articles sa"
                    + " JOIN article_sightings s ON s.article_id = sa.article_id"
                    + " JOIN channel_sources cs ON cs.source_id = s.source_id"
                    + " WHERE cs.channel_id = ? AND sa.story_id IN (" + in + ")";
            out.addAll(db.read(c -> {
                Set<String> found = new HashSet<>();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int i = 1;
                    for (int part = 0; part < 2; part++) {
                        ps.setString(i++, channelId);
                        for (String id : batch) {
                            ps.setString(i++, id);
                        }
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
                return found;
            }));
        }
        return out;
    }
}
