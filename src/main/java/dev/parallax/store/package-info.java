/** SQLite through sqlite-jdbc: one {@link dev.parallax.store.Database}, Flyway migrations, a small store per aggregate. */
package dev.parallax.store;
