package dev.parallax.ingest.feed;

import java.util.List;

/**
 * A feed read as far as it could be read.
 *
 * @param format   "rss_2.0", "atom_1.0", "rss_1.0", "json_feed_1.1" and so on
 * @param title    the feed's title (the outlet name to show), or empty
 * @param siteUrl  the site the feed belongs to, or empty
 * @param entries  the entries that could be read, in feed order
 * @param warnings what was wrong and how it was worked around
 */
public record ParsedFeed(String format, String title, String siteUrl, List<FeedEntry> entries, List<String> warnings) {
    public ParsedFeed {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }
}
