package dev.parallax.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 (ephemeral port) whose pages a test sets by path. Records every
 * request with its headers and arrival time, and the most requests it ever served at once.
 */
public final class LocalSite implements AutoCloseable {
    /** What a path answers. */
    @FunctionalInterface
    public interface Handler {
        Answer answer(Request request);
    }

    /** One request as it arrived; {@code receivedNanos} is {@link System#nanoTime()} on arrival. */
    public record Request(String path, Map<String, String> headers, long receivedNanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    public record Answer(int status, Map<String, String> headers, byte[] body, long delayMillis) {
        public static Answer ok(String contentType, String body) {
            return new Answer(200, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8), 0);
        }

        public static Answer status(int status, Map<String, String> headers) {
            return new Answer(status, headers, new byte[0], 0);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Answer(status, h, body, delayMillis);
        }

        public Answer delayed(long millis) {
            return new Answer(status, headers, body, millis);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public LocalSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public void on(String path, Handler handler) {
        handlers.put(path, handler);
    }

    public void on(String path, Answer answer) {
        handlers.put(path, r -> answer);
    }

    public URI url(String path) {
        return url("127.0.0.1", path);
    }

    /** The same server under another host name that resolves to 127.0.0.1, such as {@code localhost}. */
    public URI url(String host, String path) {
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsTo(String path) {
        return requests.stream().filter(r -> r.path.equals(path)).toList();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            Map<String, String> headers = new java.util.HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            Request request = new Request(ex.getRequestURI().getPath(), headers, System.nanoTime());
            requests.add(request);
            Handler h = handlers.get(request.path());
            Answer a = h == null ? Answer.status(404, Map.of()) : h.answer(request);
            if (a.delayMillis() > 0) {
                Thread.sleep(a.delayMillis());
            }
            a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            boolean empty = a.body().length == 0 || a.status() == 304;
            ex.sendResponseHeaders(a.status(), empty ? -1 : a.body().length);
            if (!empty) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(a.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
