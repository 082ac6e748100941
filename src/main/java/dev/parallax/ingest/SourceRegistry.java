package dev.parallax.ingest;

import dev.parallax.ingest.http.AddressGuard;
import dev.parallax.ingest.http.HttpFetcher;
import dev.parallax.store.SourcePoll;
import dev.parallax.store.SourcePollStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Adds, lists and removes the web sources that are polled. A URL is checked before it is kept:
 * http or https with a host, and not one the SSRF guard refuses, so a user learns at once that an
 * intranet address needs the allow-list instead of finding a disabled source later. A web page
 * that announces a feed (a home page, usually) is polled as that feed, which passes the same checks.
 */
public final class SourceRegistry {
    private final SourcePollStore polls;
    private final WebIngestService web;
    private final AddressGuard guard;
    private final FeedSettings settings;
    private final FeedDiscovery discovery;

    public SourceRegistry(SourcePollStore polls, WebIngestService web, AddressGuard guard, FeedSettings settings,
                          FeedDiscovery discovery) {
        this.polls = polls;
        this.web = web;
        this.guard = guard;
        this.settings = settings;
        this.discovery = discovery;
    }

    /** Outcome of {@link #add}; {@code found} says which feed was polled instead of the page given. */
    public sealed interface AddOutcome {
        /** The source is polled, newly or already: which one, and the feed found in its place, if any. */
        sealed interface Polled extends AddOutcome {
            SourcePoll source();

            Optional<FeedDiscovery.Found> found();
        }

        record Added(SourcePoll source, Optional<FeedDiscovery.Found> found) implements Polled {
        }

        record AlreadyPolled(SourcePoll source, Optional<FeedDiscovery.Found> found) implements Polled {
        }

        record Refused(String reason) implements AddOutcome {
        }
    }

    /** Starts polling the URL at the given interval (the configured default when empty). */
    public AddOutcome add(String url, Optional<Duration> interval) {
        Duration every = interval.orElse(settings.interval());
        if (every.compareTo(FeedSettings.MIN_INTERVAL) < 0) {
            return new AddOutcome.Refused("the interval must be at least 1 minute, got " + every);
        }
        Checked checked = checkAndDiscover(url, false);
        if (checked.refused() != null) {
            return new AddOutcome.Refused(checked.refused());
        }
        long id = web.ensureSource(checked.uri());
        SourcePollStore.Added added = polls.add(id, every);
        return added instanceof SourcePollStore.Added.New ? new AddOutcome.Added(added.source(), checked.found())
                : new AddOutcome.AlreadyPolled(added.source(), checked.found());
    }

    /**
     * Polls the URL for a channel that subscribes to it: the checks of {@link #add}, and a host that
     * does not resolve is refused too (in chat it is a typo far more often than an outage). A
     * source that is polled already keeps its interval; a disabled one is polled again.
     */
    public AddOutcome follow(String url) {
        Checked checked = checkAndDiscover(url, true);
        if (checked.refused() != null) {
            return new AddOutcome.Refused(checked.refused());
        }
        long id = web.ensureSource(checked.uri());
        Optional<SourcePoll> known = polls.find(id);
        if (known.isPresent() && !known.get().disabled()) {
            return new AddOutcome.AlreadyPolled(known.get(), checked.found());
        }
        SourcePollStore.Added added = polls.add(id, known.map(SourcePoll::interval).orElse(settings.interval()));
        return known.isEmpty() ? new AddOutcome.Added(added.source(), checked.found())
                : new AddOutcome.AlreadyPolled(added.source(), checked.found());
    }

    private record Checked(URI uri, String refused, Optional<FeedDiscovery.Found> found) {
        Checked(URI uri, String refused) {
            this(uri, refused, Optional.empty());
        }
    }

    // The URL given, or the feed its page announces; that feed must pass the same checks as a URL given.
    private Checked checkAndDiscover(String url, boolean mustResolve) {
        Checked given = check(url, mustResolve);
        if (given.refused() != null) {
            return given;
        }
        Optional<FeedDiscovery.Found> found = discovery.feedOf(given.uri());
        if (found.isEmpty()) {
            return given;
        }
        Checked feed = check(found.get().feed().toString(), mustResolve);
        if (feed.refused() != null) {
            return new Checked(null, found.get().describe() + ", but it is not polled: " + feed.refused());
        }
        return new Checked(feed.uri(), null, found);
    }

    private Checked check(String url, boolean mustResolve) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return new Checked(null, "not a URL: " + url);
        }
        Optional<String> bad = HttpFetcher.badUrl(uri);
        if (bad.isPresent()) {
            return new Checked(null, bad.get());
        }
        AddressGuard.Verdict verdict = guard.check(uri.getHost());
        if (verdict instanceof AddressGuard.Verdict.Blocked b) {
            return new Checked(null, "refused: " + b.reason());
        }
        if (mustResolve && verdict instanceof AddressGuard.Verdict.Unresolvable u) {
            return new Checked(null, u.reason());
        }
        return new Checked(uri, null);
    }

    public List<SourcePoll> list() {
        return polls.all();
    }

    /** Stops polling the source; its articles stay. False when no polled source has this id. */
    public boolean remove(long id) {
        return polls.remove(id);
    }
}
