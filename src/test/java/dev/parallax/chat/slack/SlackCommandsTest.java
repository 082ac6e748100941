package dev.parallax.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import dev.parallax.MutableClock;
import dev.parallax.chat.SeededCommands;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The real Bolt app, fed signed requests in process, with the real commands over the seed story. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackCommandsTest {
    private static final String CHANNEL = "C0NEWS";
    private final MutableClock clock = new MutableClock(Instant.parse("2025-09-01T09:00:00Z"));
    private final FakeSlackApi api = new FakeSlackApi();
    private SeededCommands seeded;
    private SlackBot bot;
    private App app;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        seeded = new SeededCommands(dir).warm();
        api.admins("UADMIN");
        api.groupMembers("UEDITOR");
        SlackSettings settings = SlackSettings.defaults().withApiUrl(api.apiUrl())
                .withMode(SlackSettings.Mode.HTTP, "127.0.0.1", 0).withAdminGroup("SADMINS");
        bot = new SlackBot(settings, new SlackTokens("xoxb-test", "", SignedRequests.SECRET), clock);
        bot.listen(seeded.commands);
        app = bot.app();
    }

    @AfterAll
    void stop() {
        bot.close();
        api.close();
        seeded.close();
    }

    private Response command(String user, String text) throws Exception {
        return signed(SignedRequests.slashBody(CHANNEL, user, text, api.responseUrl("cmd")), SignedRequests.SECRET,
                clock.instant());
    }

    private Response signed(String body, String secret, Instant signedAt) throws Exception {
        return app.run(SignedRequests.parse(app.config(), body, SignedRequests.headers(secret, signedAt, body)));
    }

    private static JsonNode json(Response r) throws Exception {
        return FakeSlackApi.JSON.readTree(r.getBody());
    }

    private static List<String> texts(JsonNode message) {
        List<String> out = new ArrayList<>();
        for (JsonNode b : message.path("blocks")) {
            out.add(b.path("text").path("text").asText(b.path("elements").path(0).path("text").asText("")));
        }
        return out;
    }

    @Test
    @DisplayName("a signed /parallax help is answered in the acknowledgement, only to the caller")
    void goodSignature() throws Exception {
        Response r = command("UMEMBER", "help");

        assertThat(r.getStatusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(body.path("blocks").get(0).path("type").asText()).isEqualTo("section");
        assertThat(texts(body).get(0)).startsWith("Parallax groups news from many outlets")
                .contains("/parallax story &lt;id or words&gt;");
    }

    @Test
    @DisplayName("a wrong signature gets 401 and runs nothing")
    void badSignature() throws Exception {
        int lookups = api.calls("users.info").size();

        Response r = signed(SignedRequests.slashBody(CHANNEL, "UBAD", "digest now", api.responseUrl("x")),
                "not-the-secret", clock.instant());

        assertThat(r.getStatusCode()).isEqualTo(401);
        assertThat(api.calls("users.info")).hasSize(lookups);
    }

    @Test
    @DisplayName("a timestamp more than five minutes old (a replay) or ahead is refused; four minutes old passes")
    void staleTimestamp() throws Exception {
        String body = SignedRequests.slashBody(CHANNEL, "UMEMBER", "help", api.responseUrl("x"));

        assertThat(signed(body, SignedRequests.SECRET, clock.instant().minus(Duration.ofMinutes(6))).getStatusCode())
                .isEqualTo(401);
        assertThat(signed(body, SignedRequests.SECRET, clock.instant().plus(Duration.ofMinutes(6))).getStatusCode())
                .isEqualTo(401);
        assertThat(signed(body, SignedRequests.SECRET, clock.instant().minus(Duration.ofMinutes(4))).getStatusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("story <words> answers with the story's blocks and its two buttons")
    void storyBlocks() throws Exception {
        JsonNode body = json(command("UMEMBER", "story Putin Tianjin"));

        JsonNode blocks = body.path("blocks");
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("text").asText()).startsWith("Putin Arrives in China");
        assertThat(texts(body)).anySatisfy(t -> assertThat(t).startsWith("*Where sources differ*\n*Day Putin arrived*"))
                .anySatisfy(t -> assertThat(t).startsWith("*Sources agree*\n• Length of the visit: 4 days"));
        JsonNode actions = blocks.get(blocks.size() - 1);
        assertThat(actions.path("type").asText()).isEqualTo("actions");
        assertThat(actions.path("elements")).extracting(e -> e.path("action_id").asText())
                .containsExactly("parallax:claims", "parallax:sources");
        assertThat(actions.path("elements").get(0).path("value").asText()).isEqualTo(seeded.seedStory);
    }

    @Test
    @DisplayName("admins are workspace admins (users.info) or members of the configured group; others get a problem")
    void adminRights() throws Exception {
        long asked = api.calls("users.info").stream().filter(c -> c.params().get("user").equals("UADMIN")).count();
        JsonNode member = json(command("UMEMBER", "schedule 08:00 Europe/Berlin"));
        JsonNode admin = json(command("UADMIN", "schedule 08:00 Europe/Berlin"));
        JsonNode editor = json(command("UEDITOR", "topics include summit"));

        assertThat(member.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(texts(member).get(0)).startsWith(":warning: Only admins can change this channel's schedule");
        assertThat(admin.path("response_type").asText()).isEqualTo("in_channel");
        assertThat(texts(admin).get(0)).isEqualTo("Digests will be posted here every day at 08:00 (Europe/Berlin).");
        assertThat(texts(editor).get(0)).startsWith("Only stories that mention one of these");
        assertThat(seeded.channels.find("slack:" + CHANNEL).orElseThrow().schedule()).isEqualTo("08:00");
        // Asked once per user, then cached.
        command("UADMIN", "schedule");
        assertThat(api.calls("users.info")).filteredOn(c -> c.params().get("user").equals("UADMIN"))
                .hasSize((int) asked + 1);
    }

    @Test
    @DisplayName("a press of \"Where sources differ\" is acknowledged at once and answered ephemerally via response_url")
    void buttonAnswersEphemerally() throws Exception {
        int before = api.responses().size();
        String body = SignedRequests.buttonBody(CHANNEL, "UREADER", "parallax:claims", seeded.seedStory,
                api.responseUrl("button"));

        Response r = signed(body, SignedRequests.SECRET, clock.instant());

        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getBody()).isNullOrEmpty();
        JsonNode reply = awaitResponse(before);
        assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(reply.path("replace_original").asBoolean(true)).isFalse();
        assertThat(texts(reply)).anySatisfy(t -> assertThat(t).startsWith("Where sources differ · Story `"
                + seeded.seedStory + "`"));
        assertThat(texts(reply)).anySatisfy(t -> assertThat(t).startsWith("*Day Putin arrived*\n• *Sunday* · 2 sources\n> “"));
    }

    @Test
    @DisplayName("the HTTP endpoint takes Slack's POST end to end and refuses an unsigned one")
    void overHttp() throws Exception {
        String body = SignedRequests.slashBody(CHANNEL, "UMEMBER", "search tianjin", api.responseUrl("http"));
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + bot.httpPort() + "/slack/events");
        HttpRequest.Builder signed = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
        SignedRequests.headers(SignedRequests.SECRET, clock.instant(), body)
                .forEach((k, v) -> signed.header(k, v.get(0)));

        HttpResponse<String> ok = http.send(signed.build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(uri)
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(StreamSupport.stream(FakeSlackApi.JSON.readTree(ok.body()).path("blocks").spliterator(), false)
                .map(b -> b.path("text").path("text").asText())).anySatisfy(t -> assertThat(t)
                .startsWith("*Putin Arrives in China"));
        assertThat(unsigned.statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("a command slower than the budget is acknowledged empty and answered through its response_url")
    void deferredReply() throws Exception {
        SlackSettings d = SlackSettings.defaults();
        SlackSettings noBudget = new SlackSettings(SlackSettings.Mode.HTTP, api.apiUrl(), "/parallax", "",
                d.adminCache(), Duration.ZERO, "127.0.0.1", 0, d.httpPath(), 2);
        try (SlackBot slow = new SlackBot(noBudget, new SlackTokens("xoxb-test", "", SignedRequests.SECRET), clock)) {
            slow.listen(seeded.commands);
            int before = api.responses().size();
            String body = SignedRequests.slashBody("C0LATER", "UADMIN", "digest now", api.responseUrl("later"));

            Response ack = slow.app().run(SignedRequests.parse(slow.app().config(), body,
                    SignedRequests.headers(SignedRequests.SECRET, clock.instant(), body)));

            assertThat(ack.getStatusCode()).isEqualTo(200);
            assertThat(ack.getBody()).isNullOrEmpty();
            JsonNode reply = awaitResponse(before);
            assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(texts(reply)).containsExactly("Posting a digest of 3 stories here now.");
        }
    }

    private JsonNode awaitResponse(int before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (api.responses().size() <= before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(api.responses()).hasSizeGreaterThan(before);
        return api.responses().get(before);
    }

}
