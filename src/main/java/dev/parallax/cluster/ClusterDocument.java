package dev.parallax.cluster;

import java.time.Instant;

/** The part of an article that clustering reads. {@code published} may be null. */
public record ClusterDocument(String id, String title, String text, Instant published) {
    public ClusterDocument {
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
