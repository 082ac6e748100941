package dev.parallax.ingest.page;

import java.time.Instant;

/**
 * What an article page yields.
 *
 * @param title        headline (og:title, JSON-LD headline, h1 or the page title), or empty
 * @param text         cleaned main text, one paragraph a line, or empty when none was found
 * @param outlet       site name (og:site_name, JSON-LD publisher), or empty
 * @param canonicalUrl rel=canonical or og:url in canonical form, or empty
 * @param published    article:published_time, JSON-LD datePublished and the like, or null
 * @param method       how the text was found
 */
public record ExtractedPage(String title, String text, String outlet, String canonicalUrl, Instant published,
                            Method method) {
    /** Which evidence the text came from. */
    public enum Method { READABILITY, STRUCTURED_DATA, ITEMPROP, NONE }
}
