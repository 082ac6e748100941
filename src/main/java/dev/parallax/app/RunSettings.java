package dev.parallax.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code parallax run} needs: the folders to watch, the channels to serve, job intervals,
 * the catch-up grace period, and the local operations port (0 turns it off).
 */
record RunSettings(List<Path> folders, List<ChannelConfig> channels, Duration pollInterval, Duration outboxInterval,
                   Duration catchUpGrace, Duration firstLookBack, Duration shutdownTimeout, String opsHost,
                   int opsPort) {
    RunSettings {
        if (pollInterval.isNegative() || pollInterval.isZero() || outboxInterval.isNegative()
                || outboxInterval.isZero()) {
            throw new IllegalArgumentException("job intervals must be positive");
        }
        if (opsPort < 0 || opsPort > 65535) {
            throw new IllegalArgumentException("ops port out of range: " + opsPort);
        }
    }

    static RunSettings defaults() {
        return new RunSettings(List.of(Path.of("seeds")), List.of(), Duration.ofMinutes(1), Duration.ofSeconds(5),
                Duration.ofHours(6), Duration.ofHours(24), Duration.ofSeconds(30), "127.0.0.1", 8089);
    }
}
