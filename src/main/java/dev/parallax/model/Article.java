package dev.parallax.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A cleaned article, the unit every stage after ingest works on.
 *
 * @param id        stable public id (file stem, feed GUID hash or input id)
 * @param source    outlet or origin name shown to readers
 * @param title     headline, or empty when the page had none
 * @param url       canonical link or file URI, may be empty
 * @param published publish time when the source says it, else null
 * @param body      cleaned main text, paragraphs separated by newlines
 */
public record Article(String id, String source, String title, String url, Instant published, String body) {
    public Article {
        Objects.requireNonNull(id, "id");
        source = source == null ? "" : source;
        title = title == null ? "" : title;
        url = url == null ? "" : url;
        body = body == null ? "" : body;
    }

    /** Title and body together, as the text the analysis stages read. */
    public String fullText() {
        return title.isBlank() ? body : title + "\n" + body;
    }
}
