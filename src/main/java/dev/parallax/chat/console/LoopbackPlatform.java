package dev.parallax.chat.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parallax.chat.ChatPlatform;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts each delivery as JSON ({@code channel, key, thread, kind, text}) to a chat-like HTTP
 * endpoint and reads back {@code {"id": ...}}; 429 and 5xx answers are retried (honouring
 * Retry-After), other 4xx are permanent. After a crash it asks {@code GET endpoint?key=...} whether
 * a message arrived (200 with its id, 404 if not). It stands for a real platform in
 * {@code parallax bench}, and is the "webhook" platform of {@code parallax run} (PARALLAX_WEBHOOK_URL).
 */
public final class LoopbackPlatform implements ChatPlatform {
    private final String name;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final DeliveryMarkdown markdown = new DeliveryMarkdown();

    public LoopbackPlatform(String name, URI endpoint) {
        this.name = name;
        this.endpoint = endpoint;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> findDelivered(Delivery delivery) {
        URI lookUp = URI.create(endpoint + (endpoint.getQuery() == null ? "?" : "&") + "key="
                + URLEncoder.encode(delivery.idempotencyKey(), StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(lookUp).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return Optional.of(json.readTree(response.body()).path("id").asText());
            }
            return Optional.empty(); // 404: not there; anything else: cannot tell, so it is posted (at least once)
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        ObjectNode body = json.createObjectNode().put("channel", delivery.channel().address())
                .put("key", delivery.idempotencyKey()).put("thread", delivery.threadParent())
                .put("kind", delivery.content().getClass().getSimpleName()).put("text", markdown.render(delivery));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                return new DeliveryResult.Delivered(json.readTree(response.body()).path("id").asText());
            }
            if (status == 429 || status >= 500) {
                Duration after = response.headers().firstValueAsLong("Retry-After").stream()
                        .mapToObj(Duration::ofSeconds).findFirst().orElse(null);
                return new DeliveryResult.RetryLater(after, "HTTP " + status);
            }
            return new DeliveryResult.Permanent("HTTP " + status + ": " + response.body());
        } catch (IOException e) {
            return new DeliveryResult.RetryLater(null, "cannot reach " + endpoint + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.RetryLater(null, "interrupted");
        }
    }
}
