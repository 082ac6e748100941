package dev.parallax.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for the Slack Web API on 127.0.0.1: answers auth.test, chat.postMessage (and
 * keeps what was posted, so conversations.history and .replies can return it), users.info,
 * usergroups.users.list and apps.connections.open; records every call; and takes the POSTs to
 * response URLs under /respond/. Failures can be queued per method.
 */
final class FakeSlackApi implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One Web API call as the fake received it. */
    record Call(String method, Map<String, String> params, String authorization) {
        JsonNode json(String param) {
            try {
                return JSON.readTree(params.get(param));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A scripted answer: HTTP status, extra headers, JSON body; {@link #NORMAL} answers as usual. */
    record Scripted(int status, Map<String, String> headers, String body) {
        static final Scripted NORMAL = new Scripted(0, Map.of(), "");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<JsonNode> responses = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> posted = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Scripted>> scripted = new ConcurrentHashMap<>();
    private final AtomicLong ts = new AtomicLong(1_700_000_000_000_100L);
    private volatile Set<String> admins = Set.of();
    private volatile List<String> groupMembers = List.of();
    private volatile String socketUrl = "";

    FakeSlackApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::api);
        server.createContext("/respond/", this::respond);
        server.setExecutor(executor);
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + name;
    }

    void admins(String... userIds) {
        admins = Set.of(userIds);
    }

    void groupMembers(String... userIds) {
        groupMembers = List.of(userIds);
    }

    void socketUrl(String url) {
        socketUrl = url;
    }

    /** The next call of this method (after those already scripted) gets this answer instead of the normal one. */
    void failNext(String method, int status, Map<String, String> headers, String body) {
        scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Scripted(status, headers, body));
    }

    /** The next call of this method (after those already scripted) is answered as usual. */
    void passNext(String method) {
        scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).add(Scripted.NORMAL);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The JSON bodies posted to response URLs, in arrival order. */
    List<JsonNode> responses() {
        return List.copyOf(responses);
    }

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            calls.add(new Call(method, params, exchange.getRequestHeaders().getFirst("Authorization")));
            Deque<Scripted> queue = scripted.get(method);
            Scripted failure = queue == null ? null : queue.poll();
            if (failure != null && failure != Scripted.NORMAL) {
                failure.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                send(exchange, failure.status(), failure.body());
                return;
            }
            send(exchange, 200, answer(method, params).toString());
        }
    }

    private ObjectNode answer(String method, Map<String, String> params) throws IOException {
        ObjectNode out = JSON.createObjectNode().put("ok", true);
        switch (method) {
            case "auth.test" -> out.put("url", "https://test.slack.com/").put("team", "Test").put("user", "parallax")
                    .put("team_id", "T0001").put("user_id", "UBOT").put("bot_id", "BBOT");
            case "chat.postMessage" -> {
                String stamp = nextTs();
                ObjectNode message = JSON.createObjectNode().put("type", "message").put("ts", stamp)
                        .put("text", params.getOrDefault("text", ""));
                if (params.containsKey("thread_ts")) {
                    message.put("thread_ts", params.get("thread_ts"));
                }
                if (params.containsKey("metadata")) {
                    message.set("metadata", JSON.readTree(params.get("metadata")));
                }
                posted.add(message.deepCopy().put("channel", params.get("channel")));
                out.put("channel", params.get("channel")).put("ts", stamp).set("message", message);
            }
            case "conversations.history" -> out.set("messages", messages(params.get("channel"), null));
            case "conversations.replies" -> out.set("messages", messages(params.get("channel"), params.get("ts")));
            case "users.info" -> {
                String user = params.get("user");
                boolean admin = admins.contains(user);
                out.putObject("user").put("id", user).put("name", user.toLowerCase()).put("is_admin", admin)
                        .put("is_owner", false).put("is_primary_owner", false);
            }
            case "usergroups.users.list" -> {
                ArrayNode users = out.putArray("users");
                groupMembers.forEach(users::add);
            }
            case "apps.connections.open" -> out.put("url", socketUrl);
            default -> {
                out.put("ok", false).put("error", "unknown_method");
            }
        }
        return out;
    }

    // Messages of a channel, newest first as Slack returns them; a thread is its root and replies.
    private ArrayNode messages(String channel, String thread) {
        ArrayNode out = JSON.createArrayNode();
        List<ObjectNode> list = new ArrayList<>(posted);
        Collections.reverse(list);
        for (ObjectNode m : list) {
            if (!channel.equals(m.path("channel").asText())) {
                continue;
            }
            boolean inThread = thread != null && (thread.equals(m.path("ts").asText())
                    || thread.equals(m.path("thread_ts").asText()));
            boolean topLevel = thread == null && !m.has("thread_ts");
            if (inThread || topLevel) {
                out.add(m);
            }
        }
        return out;
    }

    private void respond(HttpExchange exchange) throws IOException {
        try (exchange) {
            responses.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            send(exchange, 200, "ok");
        }
    }

    private String nextTs() {
        long n = ts.incrementAndGet();
        return (n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
