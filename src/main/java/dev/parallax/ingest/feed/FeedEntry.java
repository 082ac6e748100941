package dev.parallax.ingest.feed;

import java.time.Instant;

/**
 * One item of a feed, in our own terms (no library type leaves this package).
 *
 * @param guid      the entry's own id (RSS guid, Atom id, JSON Feed id), or empty
 * @param link      absolute link to the article page, or empty
 * @param title     plain-text title (HTML removed), or empty
 * @param published publish time (else update time), or null when the feed has none or an unreadable one
 * @param author    author name, or empty
 * @param content   plain-text full content when the feed carries it, or empty
 * @param summary   plain-text summary or description, or empty
 */
public record FeedEntry(String guid, String link, String title, Instant published, String author, String content,
                        String summary) {
    public FeedEntry {
        guid = guid == null ? "" : guid.strip();
        link = link == null ? "" : link.strip();
        title = title == null ? "" : title.strip();
        author = author == null ? "" : author.strip();
        content = content == null ? "" : content.strip();
        summary = summary == null ? "" : summary.strip();
    }

    /** A stable key for the entry within its feed: the guid, else the link, else the title. */
    public String key() {
        if (!guid.isEmpty()) {
            return guid;
        }
        return !link.isEmpty() ? link : title;
    }

    /** The longest text the feed itself gives for the entry. */
    public String feedText() {
        return content.length() >= summary.length() ? content : summary;
    }
}
