package dev.parallax.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** A chat platform on loopback for benchmarks: accepts every post after an optional latency, answers its id. */
final class FakeChatServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    FakeChatServer(Duration latency) throws IOException {
        // Otherwise Nagle's algorithm and delayed ACKs add ~40 ms to every small answer on loopback.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-chat");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/post", exchange -> {
            bytes.addAndGet(exchange.getRequestBody().readAllBytes().length);
            if (!latency.isZero()) {
                try {
                    Thread.sleep(latency.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] answer = ("{\"id\":\"m" + posts.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/post");
    }

    long posts() {
        return posts.get();
    }

    long bytes() {
        return bytes.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
