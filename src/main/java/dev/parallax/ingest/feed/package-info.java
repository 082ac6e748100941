/**
 * Feed parsing into our own records: RSS 0.9x/1.0/2.0 and Atom through Rome on a hardened XML
 * parser (no DTDs, no entities), JSON Feed 1.1 through Jackson, with a lenient fallback for
 * malformed XML so a broken feed yields what can be read, with warnings.
 */
package dev.parallax.ingest.feed;
