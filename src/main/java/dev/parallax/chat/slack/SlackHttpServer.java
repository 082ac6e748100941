package dev.parallax.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: Slack posts commands and button presses to one path; each request goes through the
 * Bolt app, whose first step checks the signature. The JDK's server suffices for this one path.
 */
final class SlackHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpServer.class);
    private static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final App app;
    private final SlackRequestParser parser;

    SlackHttpServer(App app, String host, int port, String path, ExecutorService executor) throws IOException {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.createContext(path, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "POST only");
                return;
            }
            String body = readBody(exchange.getRequestBody());
            if (body == null) {
                send(exchange, 413, "text/plain", "request too large");
                return;
            }
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach(headers::put);
            Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(exchange.getRequestURI().getPath())
                    .queryString(Map.of())
                    .headers(new RequestHeaders(headers))
                    .requestBody(body)
                    .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .build());
            if (request == null) {
                send(exchange, 400, "text/plain", "not a Slack request");
                return;
            }
            Response response = app.run(request);
            send(exchange, response.getStatusCode(), response.getContentType(), response.getBody());
        } catch (Exception e) {
            LOG.error("Slack request failed", e);
            send(exchange, 500, "text/plain", "internal error");
        } finally {
            exchange.close();
        }
    }

    private static String readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        return bytes.length > MAX_BODY ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(1);
    }
}
