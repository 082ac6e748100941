package dev.parallax.ingest;

import java.net.URI;
import java.util.Optional;

/**
 * Finds the feed behind a URL a user gives when it is a web page (an outlet's home page, say) that
 * announces one. Empty when the URL is a feed itself, announces none, or cannot be read now; the
 * caller then keeps the URL as given, as before discovery existed.
 */
@FunctionalInterface
public interface FeedDiscovery {
    /** For callers that must not fetch while adding a source (tests whose hosts are not served). */
    FeedDiscovery NONE = url -> Optional.empty();

    Optional<Found> feedOf(URI url);

    /** The page and the feed it announces. */
    record Found(URI page, URI feed) {
        public String describe() {
            return "found feed " + feed + " on " + page;
        }
    }
}
