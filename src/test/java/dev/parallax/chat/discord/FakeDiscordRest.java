package dev.parallax.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Discord's REST API as far as Parallax uses it, on 127.0.0.1: it records every request and
 * answers with the objects JDA expects. Failures can be scripted per path.
 */
final class FakeDiscordRest implements AutoCloseable {
    static final String BOT_ID = "900000000000000001";
    static final String APP_ID = "900000000000000002";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived and the status it got; {@code json} is null for bodyless requests. */
    record Received(String method, String path, JsonNode json, long nanos, int status) {
        boolean ok() {
            return status < 300;
        }
    }

    /** A scripted failure: status, Discord error code, and how many more times it applies. */
    private record Failure(Predicate<String> path, int status, int code, String message, int[] skip,
                           int[] remaining) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(800_000_000_000_000_000L);
    private final Map<String, Integer> channelTypes = new ConcurrentHashMap<>();
    private final Map<String, String> channelGuilds = new ConcurrentHashMap<>();
    // What was posted, per channel or thread, oldest first; and the threads opened, by guild.
    private final Map<String, List<ObjectNode>> history = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> threads = new ConcurrentHashMap<>();

    FakeDiscordRest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL JDA's RestConfig wants, ending in "/api/v10/". */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10/";
    }

    /** Tells the fake which guild and type a channel has, so threads it creates look right. */
    void knowChannel(String channelId, String guildId, int type) {
        channelTypes.put(channelId, type);
        channelGuilds.put(channelId, guildId);
    }

    /** The next {@code times} requests whose path contains {@code pathPart} fail like this. */
    void fail(String pathPart, int status, int code, String message, int times) {
        failAfter(p -> p.contains(pathPart), 0, status, code, message, times);
    }

    /** Lets {@code skip} matching requests through, then fails the next {@code times}. */
    void failAfter(Predicate<String> path, int skip, int status, int code, String message, int times) {
        failures.add(new Failure(path, status, code, message, new int[] {skip}, new int[] {times}));
    }

    List<Received> requests() {
        return List.copyOf(requests);
    }

    /** The requests that succeeded with this method and a path containing {@code pathPart}. */
    List<Received> requests(String method, String pathPart) {
        return requests.stream().filter(r -> r.ok() && r.method().equals(method) && r.path().contains(pathPart))
                .toList();
    }

    /** Every attempt, failed ones included. */
    List<Received> attempts(String method, String pathPart) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().contains(pathPart)).toList();
    }

    /** Waits until {@code count} requests match, or fails after the timeout. */
    List<Received> await(String method, String pathPart, int count, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < end) {
            List<Received> found = requests(method, pathPart);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("expected " + count + " " + method + " " + pathPart + " requests, got "
                + requests(method, pathPart).size() + "; all: " + requests.stream()
                .map(r -> r.method() + " " + r.path()).toList());
    }

    private void handle(HttpExchange ex) throws IOException {
        long nanos = System.nanoTime();
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        byte[] body = ex.getRequestBody().readAllBytes();
        JsonNode json = body.length == 0 ? null : parse(body);
        for (Failure f : failures) {
            synchronized (f) {
                if (f.remaining()[0] > 0 && f.path().test(path) && f.skip()[0]-- <= 0) {
                    f.remaining()[0]--;
                    requests.add(new Received(method, path, json, nanos, f.status()));
                    ObjectNode err = JSON.createObjectNode().put("code", f.code()).put("message", f.message());
                    send(ex, f.status(), err);
                    return;
                }
            }
        }
        requests.add(new Received(method, path, json, nanos, 200));
        String p = path.replaceFirst("^/api/v10", "");
        String[] seg = p.split("/");
        if (method.equals("GET") && p.equals("/users/@me")) {
            send(ex, 200, botUser());
        } else if (method.equals("PUT") && p.matches("/applications/\\d+/commands")) {
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode cmd : json) {
                ObjectNode c = ((ObjectNode) cmd.deepCopy()).put("id", next()).put("application_id", APP_ID)
                        .put("version", next());
                c.putIfAbsent("type", JSON.getNodeFactory().numberNode(1));
                out.add(c);
            }
            send(ex, 200, out);
        } else if (method.equals("POST") && p.matches("/channels/\\d+/messages")) {
            send(ex, 200, keep(seg[2], message(seg[2], json)));
        } else if (method.equals("GET") && p.matches("/channels/\\d+/messages")) {
            send(ex, 200, latest(seg[2], ex.getRequestURI().getQuery()));
        } else if (method.equals("GET") && p.matches("/guilds/\\d+/threads/active")) {
            ObjectNode active = JSON.createObjectNode();
            ArrayNode list = active.putArray("threads");
            threads.getOrDefault(seg[2], List.of()).forEach(list::add);
            active.putArray("members");
            send(ex, 200, active);
        } else if (method.equals("POST") && p.matches("/channels/\\d+/threads")) {
            send(ex, 201, thread(seg[2], json));
        } else if (method.equals("POST") && p.matches("/interactions/\\d+/[^/]+/callback")) {
            send(ex, 204, null);
        } else if (method.equals("POST") && p.matches("/webhooks/\\d+/[^/]+")) {
            send(ex, 200, message("0", json));
        } else if (method.equals("PATCH") && p.matches("/webhooks/\\d+/[^/]+/messages/.+")) {
            send(ex, 200, message("0", json));
        } else if (method.equals("DELETE")) {
            send(ex, 204, null);
        } else {
            send(ex, 404, JSON.createObjectNode().put("code", 0).put("message", "404: Not Found"));
        }
    }

    private String next() {
        return Long.toString(ids.incrementAndGet());
    }

    static ObjectNode botUser() {
        return JSON.createObjectNode().put("id", BOT_ID).put("username", "parallax").put("discriminator", "0")
                .put("global_name", "Parallax").put("bot", true).putNull("avatar").put("flags", 0)
                .put("verified", true).put("mfa_enabled", false);
    }

    private ObjectNode message(String channelId, JsonNode posted) {
        ObjectNode m = posted == null ? JSON.createObjectNode() : ((ObjectNode) posted.deepCopy());
        m.remove("allowed_mentions");
        m.remove("nonce");
        m.remove("enforce_nonce");
        m.put("id", next()).put("channel_id", channelId).put("type", 0).put("tts", false)
                .put("timestamp", Instant.parse("2025-09-01T08:00:00Z").toString()).putNull("edited_timestamp")
                .put("pinned", false).put("mention_everyone", false);
        m.putIfAbsent("content", JSON.getNodeFactory().textNode(""));
        m.putIfAbsent("flags", JSON.getNodeFactory().numberNode(0));
        m.putIfAbsent("embeds", JSON.createArrayNode());
        m.get("embeds").forEach(e -> ((ObjectNode) e).put("type", "rich"));
        m.putIfAbsent("components", JSON.createArrayNode());
        m.set("author", botUser());
        m.set("mentions", JSON.createArrayNode());
        m.set("mention_roles", JSON.createArrayNode());
        m.set("attachments", JSON.createArrayNode());
        return m;
    }

    private ObjectNode thread(String parentId, JsonNode posted) {
        String id = next();
        String guildId = channelGuilds.getOrDefault(parentId, "0");
        boolean forum = channelTypes.getOrDefault(parentId, 0) == 15;
        channelTypes.put(id, 11);
        channelGuilds.put(id, guildId);
        ObjectNode t = JSON.createObjectNode().put("id", id).put("type", 11).put("guild_id", guildId)
                .put("parent_id", parentId).put("name", posted.path("name").asText()).put("owner_id", BOT_ID)
                .put("rate_limit_per_user", 0).put("message_count", 0).put("member_count", 1).put("flags", 0)
                .put("total_message_sent", 0);
        t.putNull("last_message_id");
        t.set("thread_metadata", JSON.createObjectNode().put("archived", false).put("locked", false)
                .put("auto_archive_duration", posted.path("auto_archive_duration").asInt(1440))
                .put("archive_timestamp", "2025-09-01T08:00:00Z").put("create_timestamp", "2025-09-01T08:00:00Z"));
        t.set("applied_tags", JSON.createArrayNode());
        threads.computeIfAbsent(guildId, g -> new CopyOnWriteArrayList<>()).add(t.deepCopy());
        if (forum && posted.has("message")) {
            t.set("message", keep(id, message(id, posted.get("message")).put("id", id)));
        }
        return t;
    }

    private ObjectNode keep(String channelId, ObjectNode message) {
        history.computeIfAbsent(channelId, c -> new CopyOnWriteArrayList<>()).add(message.deepCopy());
        return message;
    }

    /** The threads opened in a guild so far, as Discord lists them (and sends them in GUILD_CREATE). */
    ArrayNode threads(String guildId) {
        ArrayNode out = JSON.createArrayNode();
        threads.getOrDefault(guildId, List.of()).forEach(t -> out.add(t.deepCopy()));
        return out;
    }

    // GET /channels/{id}/messages answers the latest messages first, at most "limit" of them.
    private ArrayNode latest(String channelId, String query) {
        int limit = 50;
        for (String param : query == null ? new String[0] : query.split("&")) {
            if (param.startsWith("limit=")) {
                limit = Integer.parseInt(param.substring(6));
            }
        }
        List<ObjectNode> all = history.getOrDefault(channelId, List.of());
        ArrayNode out = JSON.createArrayNode();
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            out.add(all.get(i));
        }
        return out;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
