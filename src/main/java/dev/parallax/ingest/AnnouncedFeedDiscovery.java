package dev.parallax.ingest;

import dev.parallax.ingest.feed.FeedParser;
import dev.parallax.ingest.feed.FeedRead;
import dev.parallax.ingest.http.FetchResult;
import dev.parallax.ingest.http.HttpFetcher;
import dev.parallax.ingest.http.TextDecoder;
import dev.parallax.ingest.page.FeedLinks;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link FeedDiscovery} by fetching the URL: the feed a web page announces with
 * {@code <link rel="alternate">}, through {@link FeedLinks}. A URL whose path names a feed
 * ({@code .xml}, {@code .rss}, {@code /feed} and the like) is taken as one without a request.
 */
public final class AnnouncedFeedDiscovery implements FeedDiscovery {
    private static final Pattern NAMES_A_FEED = Pattern.compile(
            "(?i).*(\\.(xml|rss|rdf|atom|json)|/(feed|rss|atom|feed\\.json))/?");

    private final HttpFetcher fetcher;
    private final FeedParser feeds = new FeedParser();

    public AnnouncedFeedDiscovery(HttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public Optional<Found> feedOf(URI url) {
        if (namesAFeed(url)) {
            return Optional.empty();
        }
        if (!(fetcher.fetch(url, HttpFetcher.Validators.NONE) instanceof FetchResult.Fetched body)) {
            return Optional.empty();
        }
        TextDecoder.Decoded text = TextDecoder.decode(body.body(), body.contentType());
        if (feeds.parse(text.text(), body.contentType(), body.finalUri().toString()) instanceof FeedRead.Feed
                || !ArticlePageReader.looksLikeHtml(body.contentType(), text.text())) {
            return Optional.empty();
        }
        // Relative links resolve against where the page was served from, after any redirect.
        return FeedLinks.best(text.text(), body.finalUri().toString())
                .filter(feed -> !feed.equals(url))
                .map(feed -> new Found(url, feed));
    }

    static boolean namesAFeed(URI url) {
        return url.getRawPath() != null && NAMES_A_FEED.matcher(url.getRawPath()).matches();
    }
}
