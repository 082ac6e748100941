package dev.parallax.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parallax.chat.ChannelRef;
import dev.parallax.chat.CommandReply;
import dev.parallax.chat.CommandRequest;
import dev.parallax.chat.CommandService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HealthServerTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(HealthServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("/healthz over loopback: 200 with every check up, 503 naming the check that is down")
    void healthz() throws Exception {
        AtomicBoolean slack = new AtomicBoolean(true);
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        checks.put("database", () -> true);
        checks.put("scheduler", () -> true);
        checks.put("slack", slack::get);
        checks.put("discord", () -> {
            throw new IllegalStateException("adapter crashed");
        });
        try (HealthServer server = new HealthServer("127.0.0.1", 0, Map.of("database", () -> true), new ParallaxMetrics());
             HealthServer failing = new HealthServer("127.0.0.1", 0, checks, new ParallaxMetrics())) {
            HttpResponse<String> up = get(server, "/healthz");
            HttpResponse<String> down = get(failing, "/healthz");

            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("{\"database\":\"up\",\"status\":\"up\"}");
            assertThat(up.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).isEqualTo("{\"database\":\"up\",\"scheduler\":\"up\",\"slack\":\"up\","
                    + "\"discord\":\"down\",\"status\":\"down\"}");
        }
    }

    @Test
    @DisplayName("/metrics over loopback: Prometheus text with polls, articles, digests, deliveries, outbox and command latency")
    void metrics() throws Exception {
        ParallaxMetrics metrics = new ParallaxMetrics();
        metrics.sourcesPolled(3, 1, 7);
        metrics.digestBuilt();
        metrics.delivery("header", "delivered");
        metrics.delivery("story", "delivered");
        metrics.delivery("story", "retry");
        metrics.commandLatency(Duration.ofMillis(120));
        int[] depth = {4};
        metrics.gauge("parallax.outbox.depth", "messages not yet delivered", () -> depth[0]);
        try (HealthServer server = new HealthServer("127.0.0.1", 0, Map.of(), metrics)) {
            depth[0] = 2;
            HttpResponse<String> r = get(server, "/metrics");

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(r.body()).contains("parallax_source_polls_total{result=\"ok\"} 2.0")
                    .contains("parallax_source_polls_total{result=\"failed\"} 1.0")
                    .contains("parallax_articles_ingested_total 7.0")
                    .contains("parallax_digests_built_total 1.0")
                    .contains("parallax_digests_delivered_total 1.0")
                    .contains("parallax_deliveries_total{kind=\"story\",result=\"retry\"} 1.0")
                    .contains("parallax_outbox_depth 2.0")
                    .contains("parallax_command_latency_seconds_count 1");
        }
    }

    @Test
    @DisplayName("every command answered through the measured service counts in the latency metric")
    void commandLatency() {
        ParallaxMetrics metrics = new ParallaxMetrics();
        CommandService failing = new CommandService() {
            @Override
            public CommandReply handle(CommandRequest request) {
                throw new IllegalStateException("a bug in a command");
            }

            @Override
            public List<CommandReply.StoryHit> suggestStories(String typed, int limit) {
                return List.of();
            }
        };
        MeasuredCommands measured = new MeasuredCommands(failing, metrics);

        assertThatThrownBy(() -> measured.handle(new CommandRequest(
                new ChannelRef("console", "stdout"), "U1", false, "help")))
                .hasMessage("a bug in a command");

        assertThat(metrics.scrape()).contains("parallax_command_latency_seconds_count 1");
    }
}
