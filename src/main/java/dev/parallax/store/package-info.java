/**
 * The store: SQLite (embedded, the default) or PostgreSQL (several instances) behind one {@link
 * dev.parallax.store.Database}, Flyway migrations, a small store per aggregate. What must differ
 * between the two lives only in the dialect classes (SqliteDialect, PostgresDialect), the search
 * classes (Fts5Search, TsvectorSearch) and the per-database migration folders.
 */
package dev.parallax.store;
