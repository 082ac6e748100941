/**
 * Polite, bounded HTTP fetching on java.net.http: conditional GET, timeouts, a streamed body limit,
 * manual redirects, per-host and global concurrency limits, and an SSRF guard on every hop.
 */
package dev.parallax.ingest.http;
