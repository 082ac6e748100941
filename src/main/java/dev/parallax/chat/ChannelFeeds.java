package dev.parallax.chat;

import java.time.Instant;
import java.util.List;

/** The feeds a channel subscribed to with {@code subscribe}; implemented over the store. */
public interface ChannelFeeds {
    /** The channel's feeds, oldest subscription first. */
    List<Feed> feeds(ChannelRef channel);

    /** Subscribes the channel to an already validated URL; false when it already had it. */
    boolean subscribe(ChannelRef channel, FeedUrl url, String userId);

    /** Drops the channel's subscription to this URL; false when it had none. */
    boolean unsubscribe(ChannelRef channel, String url);

    /** One subscription: where, a short name, who added it and when. */
    record Feed(String url, String name, String addedBy, Instant addedAt) {
    }
}
