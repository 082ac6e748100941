package dev.parallax.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What one read of a web source came to; the poll policy turns it into the source's next state. */
public sealed interface SourceResult {
    /**
     * The source answered with a feed or a page.
     *
     * @param kind           "feed" or "page"
     * @param name           the feed title or page's site name, or empty
     * @param etag           validator to send next time, or null
     * @param lastModified   validator to send next time, or null
     * @param articleIds     every stored article the source's current entries map to (new or known)
     * @param newArticleIds  the articles this read added
     * @param nearDuplicates entries kept as sightings of a recent article with nearly the same text
     * @param sameUrl        entries whose canonical URL another source had already stored
     * @param warnings       what was wrong and skipped
     */
    record Read(String kind, String name, String etag, String lastModified, List<String> articleIds,
                List<String> newArticleIds, int nearDuplicates, int sameUrl, List<String> warnings)
            implements SourceResult {
        public Read {
            articleIds = List.copyOf(articleIds);
            newArticleIds = List.copyOf(newArticleIds);
            warnings = List.copyOf(warnings);
        }

        public int added() {
            return newArticleIds.size();
        }
    }

    /** 304: nothing new since the last read. */
    record NotModified() implements SourceResult {
    }

    /** 429/503: asked to come back later. */
    record Throttled(Optional<Duration> retryAfter, String reason) implements SourceResult {
    }

    /** The read failed; permanent failures (410, blocked address, not a feed or page) disable the source. */
    record Failed(String reason, boolean permanent) implements SourceResult {
    }
}
