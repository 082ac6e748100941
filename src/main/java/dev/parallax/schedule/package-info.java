/** Quartz jobs (thin) and the services they call: digest schedules, the delivery outbox, source polling. */
package dev.parallax.schedule;
