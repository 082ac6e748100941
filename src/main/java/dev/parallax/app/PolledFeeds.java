package dev.parallax.app;

import dev.parallax.chat.FeedRegistration;
import dev.parallax.chat.FeedUrl;
import dev.parallax.ingest.SourceRegistry;
import dev.parallax.store.SourcePoll;

/** The chat's {@link FeedRegistration} port over ingest's source registry (the one {@code sources add} uses). */
public final class PolledFeeds implements FeedRegistration {
    private final SourceRegistry registry;

    public PolledFeeds(SourceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Outcome register(FeedUrl url) {
        SourceRegistry.AddOutcome outcome = registry.follow(url.url());
        if (outcome instanceof SourceRegistry.AddOutcome.Refused r) {
            return new Outcome.Refused(r.reason().replaceFirst("^refused: ", ""));
        }
        SourcePoll source = ((SourceRegistry.AddOutcome.Polled) outcome).source();
        return new Outcome.Polled(source.id(), source.url());
    }
}
