package dev.parallax.chat;

import dev.parallax.store.SubscriptionStore;
import java.util.List;

/** {@link ChannelFeeds} over the subscription table, registering each feed for polling first. */
public final class StoredChannelFeeds implements ChannelFeeds {
    private final SubscriptionStore store;
    private final FeedRegistration registration;

    public StoredChannelFeeds(SubscriptionStore store, FeedRegistration registration) {
        this.store = store;
        this.registration = registration;
    }

    @Override
    public List<Feed> feeds(ChannelRef channel) {
        return store.list(channel.id()).stream()
                .map(s -> new Feed(s.url(), s.name(), s.addedBy(), s.addedAt())).toList();
    }

    @Override
    public Subscribed subscribe(ChannelRef channel, FeedUrl url, String userId) {
        FeedRegistration.Outcome outcome = registration.register(url);
        if (outcome instanceof FeedRegistration.Outcome.Refused refused) {
            return new Subscribed.Refused(refused.reason());
        }
        FeedRegistration.Outcome.Polled polled = (FeedRegistration.Outcome.Polled) outcome;
        return store.subscribe(channel.id(), channel.platform(), channel.address(), polled.sourceId(), userId)
                ? new Subscribed.Added(polled.polledUrl()) : new Subscribed.AlreadyFollowed(polled.polledUrl());
    }

    @Override
    public boolean unsubscribe(ChannelRef channel, String url) {
        return store.unsubscribe(channel.id(), url);
    }
}
