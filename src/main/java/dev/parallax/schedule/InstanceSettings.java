package dev.parallax.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * How this instance works beside others on a shared database (keys of {@code [scheduler]}): its
 * id in the cluster, how often it checks in (an instance silent for longer, plus Quartz's 7.5 s
 * grace, is taken for dead and its triggers fire elsewhere), and the lease on the outbox rows it
 * sends (renewed while sending; the rows of a dead instance are sent by another once it runs out).
 */
public record InstanceSettings(String instanceId, Duration checkinInterval, Duration outboxLease) {
    public InstanceSettings {
        instanceId = instanceId == null ? "" : instanceId.strip();
        if (instanceId.isEmpty() || instanceId.length() > 100) {
            throw new IllegalArgumentException("scheduler.instance_id must be 1-100 characters (AUTO picks one)");
        }
        if (checkinInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("scheduler.checkin_interval_seconds must be at least 1");
        }
        if (outboxLease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("scheduler.outbox_lease_seconds must be at least 3");
        }
    }

    public static InstanceSettings defaults() {
        return new InstanceSettings("AUTO", Duration.ofSeconds(10), Duration.ofSeconds(15));
    }

    /** Reads {@code instance_id}, {@code checkin_interval_seconds} and {@code outbox_lease_seconds} of {@code [scheduler]}. */
    public static InstanceSettings from(JsonNode scheduler) {
        InstanceSettings d = defaults();
        return new InstanceSettings(scheduler.path("instance_id").asText(d.instanceId()),
                Duration.ofSeconds(seconds(scheduler, "checkin_interval_seconds", d.checkinInterval())),
                Duration.ofSeconds(seconds(scheduler, "outbox_lease_seconds", d.outboxLease())));
    }

    /** The Quartz store for a database: clustered when others share it, else in memory. */
    public QuartzStore quartzStore(boolean shared, DataSource dataSource) {
        return shared ? new QuartzStore.Clustered(dataSource, instanceId, checkinInterval) : new QuartzStore.InMemory();
    }

    private static long seconds(JsonNode section, String key, Duration fallback) {
        JsonNode n = section.path(key);
        if (n.isMissingNode()) {
            return fallback.toSeconds();
        }
        if (!n.isIntegralNumber()) {
            throw new IllegalArgumentException("scheduler." + key + " must be a whole number, got " + n);
        }
        return n.asLong();
    }
}
