package dev.parallax.schedule;

import java.time.Duration;
import javax.sql.DataSource;

/** Where Quartz keeps its triggers: in memory (one instance), or in a shared database (a cluster of instances). */
public sealed interface QuartzStore {
    /** One instance: triggers live in memory and are booked again from our tables at every start. */
    record InMemory() implements QuartzStore {
    }

    /**
     * Several instances on one PostgreSQL database (Quartz's clustered JDBC job store): each firing
     * runs on exactly one instance, and an instance that stops checking in for longer than
     * {@code checkin} (plus Quartz's 7.5 s grace) has its work taken over by another.
     *
     * @param instanceId how this instance is known to the others; "AUTO" is host name plus start time
     */
    record Clustered(DataSource dataSource, String instanceId, Duration checkin) implements QuartzStore {
        public Clustered {
            if (instanceId == null || instanceId.isBlank()) {
                throw new IllegalArgumentException("instance id must not be empty (AUTO picks one)");
            }
            if (checkin.toMillis() < 500) {
                throw new IllegalArgumentException("check-in interval must be at least 500 ms, got " + checkin);
            }
        }
    }
}
