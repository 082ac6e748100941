package dev.parallax.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.Seeds;
import dev.parallax.store.ChannelStore;
import dev.parallax.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parallax run} as a real process: the start-up catch-up posts the digest missed while it
 * was down, /healthz and /metrics answer over loopback, and SIGTERM stops it cleanly in time.
 */
class RunSigtermTest {
    private static final Pattern HEALTH = Pattern.compile("health (http://127\\.0\\.0\\.1:\\d+)/healthz");

    @TempDir
    Path dir;

    @Test
    @DisplayName("a missed digest is caught up at start, health and metrics answer, SIGTERM stops the process cleanly")
    void realProcess() throws Exception {
        Instant now = Instant.now();
        String missed = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC)
                .format(now.minus(Duration.ofMinutes(30)));
        Path db = dir.resolve("parallax.db");
        // The channel existed an hour ago and the process was down when its digest was due, 30 minutes ago.
        new ChannelStore(Database.open(db), Clock.systemUTC()).declare("console:stdout", "console", "stdout", missed,
                "UTC", List.of(), List.of());
        try (Connection c = Database.open(db).connection();
             PreparedStatement ps = c.prepareStatement("UPDATE channels SET last_period = ?")) {
            ps.setString(1, now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString()
                    .replace("Z", ".000Z"));
            ps.executeUpdate();
        }
        Path inbox = Seeds.copyTo(dir.resolve("inbox"));
        Path config = Files.writeString(dir.resolve("parallax.toml"), """
                [database]
                path = "%s"
                [ingest]
                folders = ["%s"]
                [scheduler]
                outbox_interval_seconds = 1
                shutdown_timeout_seconds = 10
                [ops]
                port = 0
                [[channels]]
                id = "console:stdout"
                schedule = "%s"
                zone = "UTC"
                """.formatted(db, inbox, missed));

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--config", config.toString(), "run");
        pb.environment().put("PARALLAX_LOG_LEVEL", "INFO");
        Process process = pb.start();
        StringBuffer out = new StringBuffer();
        StringBuffer err = new StringBuffer();
        Thread outReader = drain(process.getInputStream(), out);
        Thread errReader = drain(process.getErrorStream(), err);
        try {
            String base = await(() -> {
                Matcher m = HEALTH.matcher(err);
                return m.find() ? m.group(1) : null;
            }, err);
            await(() -> out.indexOf("# Parallax digest") >= 0 ? "" : null, err);
            HttpClient http = HttpClient.newHttpClient();
            String metrics = await(() -> {
                String body = get(http, base + "/metrics").body();
                // The header is confirmed before its story is sent: wait for the whole digest to be out.
                return body.contains("parallax_digests_delivered_total 1.0") && body.contains("parallax_outbox_depth 0.0")
                        ? body : null;
            }, err);
            HttpResponse<String> health = get(http, base + "/healthz");

            long stopAsked = System.nanoTime();
            process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the pipes we read
            boolean exited = process.waitFor(20, TimeUnit.SECONDS);
            Duration stopping = Duration.ofNanos(System.nanoTime() - stopAsked);
            outReader.join(5_000);
            errReader.join(5_000);

            assertThat(out.toString()).contains(": 1 story").contains("5 outlets");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"database\":\"up\",\"scheduler\":\"up\",\"console\":\"up\","
                    + "\"file\":\"up\",\"status\":\"up\"}");
            assertThat(metrics).contains("parallax_outbox_depth 0.0").contains("parallax_articles_ingested_total 5.0")
                    .contains("parallax_digests_built_total 1.0");
            assertThat(exited).as(err.toString()).isTrue();
            assertThat(stopping).isLessThan(Duration.ofSeconds(15));
            assertThat(err.toString()).contains("channel=console:stdout period=").contains("digest queued")
                    .contains("parallax: stopped cleanly");
        } finally {
            process.destroyForcibly();
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(Supplier<T> probe, StringBuffer log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out; process log:\n" + log);
    }

    private static Thread drain(InputStream stream, StringBuffer text) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = stream.read(buf)) > 0; ) {
                    text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
