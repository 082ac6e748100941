package dev.parallax.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parallax.MutableClock;
import dev.parallax.chat.SeededCommands;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One Socket Mode round trip: Slack's websocket is a local server that says hello and sends a command. */
class SlackSocketModeTest {

    /** Plays Slack's side of the socket: hello on connect, then one slash command envelope. */
    static final class FakeSocket extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final String envelope;

        FakeSocket(String envelope) {
            super(new InetSocketAddress("127.0.0.1", 0));
            this.envelope = envelope;
            setReuseAddr(true);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"local\"},"
                    + "\"connection_info\":{\"app_id\":\"A0001\"}}");
            conn.send(envelope);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }
    }

    @Test
    @DisplayName("a slash command over Socket Mode is acknowledged on the socket with the answer in the payload")
    void roundTrip(@TempDir Path dir) throws Exception {
        try (SeededCommands seeded = new SeededCommands(dir).warm()) {
            ObjectNode envelope = FakeSlackApi.JSON.createObjectNode().put("envelope_id", "env-1")
                    .put("type", "slash_commands").put("accepts_response_payload", true);
            envelope.putObject("payload").put("token", "t").put("team_id", "T0001").put("team_domain", "test")
                    .put("channel_id", "C0SOCK").put("channel_name", "news").put("user_id", "UMEMBER")
                    .put("user_name", "member").put("command", "/parallax").put("text", "story " + seeded.seedStory)
                    .put("api_app_id", "A0001").put("response_url", "http://127.0.0.1:9/unused")
                    .put("trigger_id", "t-1");
            FakeSocket socket = new FakeSocket(envelope.toString());
            socket.start();
            assertThat(socket.started.await(10, TimeUnit.SECONDS)).isTrue();
            try (FakeSlackApi api = new FakeSlackApi()) {
                api.socketUrl("ws://127.0.0.1:" + socket.getPort() + "/");
                SlackSettings settings = SlackSettings.defaults().withApiUrl(api.apiUrl());
                try (SlackBot bot = new SlackBot(settings, new SlackTokens("xoxb-test", "xapp-test", ""),
                        new MutableClock(Instant.parse("2025-09-01T09:00:00Z")))) {
                    bot.listen(seeded.commands);

                    JsonNode ack = awaitAck(socket);

                    assertThat(api.calls("apps.connections.open")).first()
                            .satisfies(c -> assertThat(c.authorization()).isEqualTo("Bearer xapp-test"));
                    assertThat(ack.path("envelope_id").asText()).isEqualTo("env-1");
                    JsonNode payload = ack.path("payload");
                    assertThat(payload.path("response_type").asText()).isEqualTo("ephemeral");
                    assertThat(payload.path("blocks").get(0).path("text").path("text").asText())
                            .startsWith("Putin Arrives in China");
                    assertThat(bot.connected()).isTrue();
                }
            } finally {
                socket.stop(1000);
            }
        }
    }

    private static JsonNode awaitAck(FakeSocket socket) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String message = socket.received.poll(200, TimeUnit.MILLISECONDS);
            if (message != null && message.contains("env-1")) {
                return FakeSlackApi.JSON.readTree(message);
            }
        }
        throw new AssertionError("no acknowledgement on the socket");
    }
}
