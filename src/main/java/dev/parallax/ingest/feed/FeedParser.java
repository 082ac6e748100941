package dev.parallax.ingest.feed;

/**
 * Reads a fetched body as a feed: JSON Feed when it is JSON Feed, XML feeds (RSS, RDF, Atom) when it
 * is XML with a feed root, and {@link FeedRead.NotAFeed} for anything else (a web page, an image).
 * Never throws for anything in the body.
 */
public final class FeedParser {
    public FeedRead parse(String text, String contentType, String baseUrl) {
        if (text == null || text.isBlank()) {
            return new FeedRead.NotAFeed("empty body");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        String head = text.stripLeading();
        if (JsonFeedReader.looksLikeJsonFeed(head) || type.contains("feed+json")) {
            return JsonFeedReader.read(head, baseUrl);
        }
        if (head.startsWith("{") || head.startsWith("[")) {
            return new FeedRead.NotAFeed("JSON that is not a JSON Feed");
        }
        if (!looksLikeXmlFeed(head)) {
            return new FeedRead.NotAFeed(type.contains("html") || head.regionMatches(true, 0, "<!doctype html", 0, 14)
                    || head.regionMatches(true, 0, "<html", 0, 5) ? "an HTML page" : "not a feed");
        }
        return RomeFeedReader.read(head.startsWith("\ufeff") ? head.substring(1) : head, baseUrl);
    }

    // Cheap sniff before building a DOM: a feed's root element appears near the start.
    private static boolean looksLikeXmlFeed(String head) {
        String start = head.substring(0, Math.min(head.length(), 8192)).toLowerCase(java.util.Locale.ROOT);
        if (!start.startsWith("<")) {
            return false;
        }
        return start.contains("<rss") || start.contains("<feed") || start.contains("<rdf:rdf") || start.contains("<rdf");
    }
}
