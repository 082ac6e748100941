package dev.parallax.chat;

import java.time.Instant;
import java.util.List;

/**
 * The feeds a channel subscribed to with {@code subscribe}; implemented over the store. A channel
 * that follows feeds gets in its digest only the stories with an article from one of them.
 */
public interface ChannelFeeds {
    /** The channel's feeds, oldest subscription first. */
    List<Feed> feeds(ChannelRef channel);

    /** Starts polling the feed (when it is not yet) and subscribes the channel to it. */
    Subscribed subscribe(ChannelRef channel, FeedUrl url, String userId);

    /**
     * Drops the channel's subscription to this URL; false when it had none. The feed itself stays
     * polled: the operator or another channel may want it ({@code parallax sources remove} stops it).
     */
    boolean unsubscribe(ChannelRef channel, String url);

    /** One subscription: where, a short name, who added it and when. */
    record Feed(String url, String name, String addedBy, Instant addedAt) {
    }

    /** Outcome of {@link #subscribe}; {@code feedUrl} is the feed followed (a home page's announced feed). */
    sealed interface Subscribed {
        record Added(String feedUrl) implements Subscribed {
        }

        record AlreadyFollowed(String feedUrl) implements Subscribed {
        }

        record Refused(String reason) implements Subscribed {
        }
    }
}
