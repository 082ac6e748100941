package dev.parallax.ingest.feed;

/** What a body turned out to be: a feed (perhaps partly readable), or something else such as a web page. */
public sealed interface FeedRead {
    record Feed(ParsedFeed feed) implements FeedRead {
    }

    record NotAFeed(String reason) implements FeedRead {
    }
}
