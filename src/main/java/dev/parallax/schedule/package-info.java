/**
 * Quartz jobs (thin) and the services they call: digest schedules, the delivery outbox, source
 * polling; one instance in memory, or several sharing Quartz's clustered store on PostgreSQL.
 */
package dev.parallax.schedule;
