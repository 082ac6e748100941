package dev.parallax.chat;

import dev.parallax.store.SubscriptionStore;
import java.util.List;

/** {@link ChannelFeeds} over the subscription table. */
public final class StoredChannelFeeds implements ChannelFeeds {
    private final SubscriptionStore store;

    public StoredChannelFeeds(SubscriptionStore store) {
        this.store = store;
    }

    @Override
    public List<Feed> feeds(ChannelRef channel) {
        return store.list(channel.id()).stream()
                .map(s -> new Feed(s.url(), s.name(), s.addedBy(), s.addedAt())).toList();
    }

    @Override
    public boolean subscribe(ChannelRef channel, FeedUrl url, String userId) {
        return store.subscribe(channel.id(), channel.platform(), channel.address(), url.url(), url.name(), userId);
    }

    @Override
    public boolean unsubscribe(ChannelRef channel, String url) {
        return store.unsubscribe(channel.id(), url);
    }
}
