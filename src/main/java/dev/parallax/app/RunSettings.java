package dev.parallax.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code parallax run} needs: the folders to watch, the channels to serve, job intervals,
 * the catch-up grace period, the shutdown timeout, and the local operations endpoint.
 *
 * @param opsPort 0 picks a free port (logged at start); {@code opsEnabled} false serves no endpoint
 */
record RunSettings(List<Path> folders, List<ChannelConfig> channels, Duration pollInterval, Duration outboxInterval,
                   Duration catchUpGrace, Duration firstLookBack, Duration shutdownTimeout, boolean opsEnabled,
                   String opsHost, int opsPort) {
    RunSettings {
        folders = List.copyOf(folders);
        channels = List.copyOf(channels);
        positive("poll_interval_seconds", pollInterval);
        positive("outbox_interval_seconds", outboxInterval);
        positive("first_digest_look_back_hours", firstLookBack);
        positive("shutdown_timeout_seconds", shutdownTimeout);
        if (catchUpGrace.isNegative()) {
            throw new IllegalArgumentException("catch_up_grace_hours must not be negative");
        }
        if (opsPort < 0 || opsPort > 65535) {
            throw new IllegalArgumentException("ops port out of range: " + opsPort);
        }
        Set<String> ids = new HashSet<>();
        for (ChannelConfig ch : channels) {
            if (!ids.add(ch.ref().id())) {
                throw new IllegalArgumentException("channel " + ch.ref().id() + " is declared twice");
            }
        }
    }

    static RunSettings defaults() {
        return new RunSettings(List.of(Path.of("seeds")), List.of(), Duration.ofMinutes(1), Duration.ofSeconds(5),
                Duration.ofHours(6), Duration.ofHours(24), Duration.ofSeconds(30), true, "127.0.0.1", 8089);
    }

    /** Reads {@code [ingest] folders}, {@code [scheduler]}, {@code [ops]} and {@code [[channels]]} of the config root. */
    static RunSettings from(JsonNode root) {
        RunSettings d = defaults();
        JsonNode sc = root.path("scheduler");
        JsonNode ops = root.path("ops");
        JsonNode folderList = root.path("ingest").path("folders");
        List<Path> folders = new ArrayList<>();
        folderList.forEach(f -> folders.add(Path.of(f.asText())));
        List<ChannelConfig> channels = new ArrayList<>();
        root.path("channels").forEach(ch -> channels.add(ChannelConfig.from(ch)));
        return new RunSettings(folderList.isMissingNode() ? d.folders() : folders, channels,
                Duration.ofSeconds(number(sc, "poll_interval_seconds", d.pollInterval().toSeconds())),
                Duration.ofSeconds(number(sc, "outbox_interval_seconds", d.outboxInterval().toSeconds())),
                Duration.ofHours(number(sc, "catch_up_grace_hours", d.catchUpGrace().toHours())),
                Duration.ofHours(number(sc, "first_digest_look_back_hours", d.firstLookBack().toHours())),
                Duration.ofSeconds(number(sc, "shutdown_timeout_seconds", d.shutdownTimeout().toSeconds())),
                ops.path("enabled").asBoolean(d.opsEnabled()), ops.path("host").asText(d.opsHost()),
                (int) number(ops, "port", d.opsPort()));
    }

    private static void positive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be positive");
        }
    }

    // A mistyped value ("port = \"80a\"") is an error, not a silent default.
    private static long number(JsonNode section, String key, long fallback) {
        JsonNode n = section.path(key);
        if (n.isMissingNode()) {
            return fallback;
        }
        if (!n.isIntegralNumber()) {
            throw new IllegalArgumentException(key + " must be a whole number, got " + n);
        }
        return n.asLong();
    }
}
