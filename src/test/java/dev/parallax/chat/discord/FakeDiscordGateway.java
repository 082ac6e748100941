package dev.parallax.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Discord's gateway on 127.0.0.1, enough for JDA: HELLO on connect, READY and one GUILD_CREATE
 * per guild of the identifying shard, heartbeat acks, and dispatches the test sends.
 */
final class FakeDiscordGateway extends WebSocketServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a shard told us in its IDENTIFY. */
    record Identify(int shard, int shards, long intents) {
    }

    private final Map<String, ObjectNode> guilds = new ConcurrentHashMap<>();
    private final Map<WebSocket, int[]> shards = new ConcurrentHashMap<>();
    private final Map<WebSocket, AtomicInteger> sequences = new ConcurrentHashMap<>();
    private final List<Identify> identifies = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);

    FakeDiscordGateway() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
    }

    /** Starts listening and waits until the port is bound. */
    FakeDiscordGateway open() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("fake gateway did not start");
        }
        return this;
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/";
    }

    /** Adds a guild the bot is in; {@code guild} is a GUILD_CREATE payload (see {@link FakeGuild}). */
    void addGuild(ObjectNode guild) {
        guilds.put(guild.get("id").asText(), guild);
    }

    List<Identify> identifies() {
        return List.copyOf(identifies);
    }

    /** Sends a dispatch on the connection of the shard that holds {@code guildId}. */
    void dispatch(String guildId, String type, JsonNode data) {
        for (Map.Entry<WebSocket, int[]> e : shards.entrySet()) {
            if (owns(e.getValue(), guildId)) {
                send(e.getKey(), type, data);
                return;
            }
        }
        throw new IllegalStateException("no connected shard holds guild " + guildId);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        sequences.put(conn, new AtomicInteger());
        conn.send(JSON.createObjectNode().put("op", 10).putNull("s").putNull("t")
                .set("d", JSON.createObjectNode().put("heartbeat_interval", 41_250)).toString());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        JsonNode m;
        try {
            m = JSON.readTree(message);
        } catch (Exception e) {
            return;
        }
        int op = m.path("op").asInt();
        if (op == 1) {
            conn.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
        } else if (op == 2) {
            JsonNode d = m.get("d");
            int shard = d.has("shard") ? d.get("shard").get(0).asInt() : 0;
            int total = d.has("shard") ? d.get("shard").get(1).asInt() : 1;
            identifies.add(new Identify(shard, total, d.path("intents").asLong()));
            int[] info = {shard, total};
            shards.put(conn, info);
            ready(conn, info);
        }
    }

    private void ready(WebSocket conn, int[] info) {
        ArrayNode unavailable = JSON.createArrayNode();
        guilds.keySet().stream().filter(id -> owns(info, id))
                .forEach(id -> unavailable.add(JSON.createObjectNode().put("id", id).put("unavailable", true)));
        ObjectNode d = JSON.createObjectNode().put("v", 10).put("session_id", "session-" + info[0])
                .put("resume_gateway_url", url());
        d.set("user", FakeDiscordRest.botUser());
        d.set("guilds", unavailable);
        d.set("application", JSON.createObjectNode().put("id", FakeDiscordRest.APP_ID).put("flags", 0));
        d.set("shard", JSON.createArrayNode().add(info[0]).add(info[1]));
        d.set("private_channels", JSON.createArrayNode());
        d.set("relationships", JSON.createArrayNode());
        d.set("presences", JSON.createArrayNode());
        d.set("guild_join_requests", JSON.createArrayNode());
        d.set("geo_ordered_rtc_regions", JSON.createArrayNode());
        send(conn, "READY", d);
        guilds.values().stream().filter(g -> owns(info, g.get("id").asText()))
                .forEach(g -> send(conn, "GUILD_CREATE", g));
    }

    private static boolean owns(int[] info, String guildId) {
        return (Long.parseLong(guildId) >> 22) % info[1] == info[0];
    }

    private void send(WebSocket conn, String type, JsonNode data) {
        int s = sequences.get(conn).incrementAndGet();
        ObjectNode m = JSON.createObjectNode().put("op", 0).put("s", s).put("t", type);
        m.set("d", data);
        conn.send(m.toString());
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        shards.remove(conn);
        sequences.remove(conn);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
