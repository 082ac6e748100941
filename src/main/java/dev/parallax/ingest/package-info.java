/**
 * Reading sources into articles: folders of .txt/.md/.html, feeds and web pages (polled with
 * per-source state), the shared intake that de-duplicates, and the junk cleaner. Subpackages hold
 * HTTP fetching ({@code http}), feed parsing ({@code feed}) and article-page extraction ({@code page}).
 */
package dev.parallax.ingest;
