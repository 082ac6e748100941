/** Reading sources (folders of .txt/.md/.html today), cleaning page junk, and de-duplicating articles. */
package dev.parallax.ingest;
