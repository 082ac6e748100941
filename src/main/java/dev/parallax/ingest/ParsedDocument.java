package dev.parallax.ingest;

import java.time.Instant;

/** What a file or page says about itself before cleaning: any field may be empty or null. */
public record ParsedDocument(String title, String body, Instant published, String outlet, String url) {
}
