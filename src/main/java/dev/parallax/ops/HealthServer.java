package dev.parallax.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (200 when every check passes, 503 otherwise, with each check's state as JSON)
 * and {@code /metrics} (Prometheus text), on a local port.
 */
public final class HealthServer implements AutoCloseable {
    private final HttpServer server;

    public HealthServer(String host, int port, Map<String, BooleanSupplier> checks, ParallaxMetrics metrics)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "parallax-health");
            t.setDaemon(true);
            return t;
        }));
        Map<String, BooleanSupplier> ordered = new LinkedHashMap<>(checks);
        server.createContext("/healthz", exchange -> {
            StringBuilder json = new StringBuilder("{");
            boolean healthy = true;
            for (Map.Entry<String, BooleanSupplier> check : ordered.entrySet()) {
                boolean ok = safely(check.getValue());
                healthy &= ok;
                json.append(json.length() > 1 ? "," : "").append('"').append(check.getKey()).append("\":\"")
                        .append(ok ? "up" : "down").append('"');
            }
            json.append(",\"status\":\"").append(healthy ? "up" : "down").append("\"}");
            send(exchange, healthy ? 200 : 503, "application/json", json.toString());
        });
        server.createContext("/metrics", exchange ->
                send(exchange, 200, "text/plain; version=0.0.4", metrics.scrape()));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static boolean safely(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
