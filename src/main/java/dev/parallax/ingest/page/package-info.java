/**
 * Article pages: main-text extraction (Readability4J on a cleaned DOM, then our line cleaner, with
 * JSON-LD articleBody and itemprop as evidence and fallback), page metadata, canonical URLs, and
 * the benchmark's shingle metric.
 */
package dev.parallax.ingest.page;
