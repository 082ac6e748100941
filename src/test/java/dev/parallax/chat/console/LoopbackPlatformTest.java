package dev.parallax.chat.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.parallax.chat.ChannelRef;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The webhook platform against a chat-like server on loopback that remembers posts by key. */
class LoopbackPlatformTest {
    private HttpServer server;
    private final Map<String, String> posted = new ConcurrentHashMap<>();

    @BeforeEach
    void chatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/post", exchange -> {
            String answer;
            int status = 200;
            if (exchange.getRequestMethod().equals("POST")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String key = body.replaceAll(".*\"key\":\"([^\"]*)\".*", "$1");
                String id = "m" + (posted.size() + 1);
                posted.put(key, id);
                answer = "{\"id\":\"" + id + "\"}";
            } else {
                String key = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring(4), StandardCharsets.UTF_8);
                String id = posted.get(key);
                status = id == null ? 404 : 200;
                answer = id == null ? "{}" : "{\"id\":\"" + id + "\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    @DisplayName("a posted message is found again by its key (keys with | and spaces survive the URL); an unknown key is not")
    void findsPostsByKey() {
        LoopbackPlatform platform = new LoopbackPlatform("webhook",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/post"));
        Delivery sent = new Delivery(ChannelRef.parse("webhook:c1"), "webhook:c1|2025-09-01T08:00:00Z|follow up", null,
                new Delivery.FollowUp("s1", "Update"));
        Delivery other = new Delivery(ChannelRef.parse("webhook:c1"), "webhook:c1|never", null,
                new Delivery.FollowUp("s1", "Update"));

        DeliveryResult result = platform.deliver(sent);

        assertThat(result).isEqualTo(new DeliveryResult.Delivered("m1"));
        assertThat(platform.findDelivered(sent)).contains("m1");
        assertThat(platform.findDelivered(other)).isEmpty();
    }
}
