package dev.parallax.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The feeds each channel subscribed to. A subscribed URL is an ordinary source (kind "feed"), shared
 * by every channel that wants it; unsubscribing removes the channel's link, not the source.
 */
public final class SubscriptionStore {
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
     * the feed; returns false when it already was.
     */
    public boolean subscribe(String channelId, String platform, String address, String url, String name,
                             String addedBy) {
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
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sources(kind, location, name, created_at)"
                    + " VALUES ('feed',?,?,?) ON CONFLICT(location) DO NOTHING")) {
                ps.setString(1, url);
                ps.setString(2, name);
                ps.setString(3, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO channel_sources(channel_id, source_id,"
                    + " added_by, added_at) SELECT ?, id, ?, ? FROM sources WHERE location = ?"
                    + " ON CONFLICT(channel_id, source_id) DO NOTHING")) {
                ps.setString(1, channelId);
                ps.setString(2, addedBy);
                ps.setString(3, now);
                ps.setString(4, url);
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
}
