package dev.parallax.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.parallax.chat.ChannelRef;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import dev.parallax.claims.Agreement;
import dev.parallax.claims.Divergence;
import dev.parallax.digest.StoryBrief;
import dev.parallax.model.Article;
import dev.parallax.summarize.SummarySentence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The outbox's deliveries through the real Slack client against a local fake Web API. */
class SlackDeliveryTest {
    private static final ChannelRef CHANNEL = new ChannelRef("slack", "C0DIGEST");

    private final FakeSlackApi api = new FakeSlackApi();
    private final Slack slack = Slack.getInstance(config(api.apiUrl()));

    @AfterEach
    void stop() throws Exception {
        slack.close();
        api.close();
    }

    static SlackConfig config(String url) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(url);
        config.setStatsEnabled(false);
        return config;
    }

    private SlackPlatform platform() {
        return new SlackPlatform(slack.methods("xoxb-test"), new BlockKitRenderer(new BlockFitter()), () -> true);
    }

    static StoryBrief smallStory() {
        Article a = new Article("a1", "Daily Planet", "Visit begins", "https://planet.example/visit", Instant.parse(
                "2025-08-31T06:00:00Z"), "x");
        Article b = new Article("a2", "The Bugle", "Leader lands", "https://bugle.example/lands?id=7&x=1", null, "y");
        return new StoryBrief("s0123abcd", "Leader arrives for summit", List.of(a, b),
                List.of(new SummarySentence("The leader arrived on Sunday for a four-day visit & talks.", List.of("a1", "a2"))),
                List.of(new Agreement("length of the visit", "4 days", List.of("a1", "a2"), List.of("q1", "q2")),
                        new Agreement("number of delegates", "40 delegates", List.of("a2"),
                                List.of("He brought 40 delegates."))),
                List.of(new Divergence("day the leader arrived", List.of(
                        new Divergence.Side("Sunday", List.of("a1"), List.of("He arrived on Sunday.")),
                        new Divergence.Side("Thursday", List.of("a2"), List.of("He landed on <Thursday>."))))));
    }

    @Test
    @DisplayName("a story goes into the digest's thread as exactly this Block Kit, with its key as metadata")
    void storyBlocks() throws Exception {
        Delivery delivery = new Delivery(CHANNEL, "slack:C0DIGEST|2025-09-01T08:00:00Z|story|s0123abcd",
                "1700000000.000001", new Delivery.Story(smallStory()));

        DeliveryResult result = platform().deliver(delivery);

        FakeSlackApi.Call call = api.calls("chat.postMessage").get(0);
        assertThat(result).isEqualTo(new DeliveryResult.Delivered("1700000000.000001/" + "1700000000.000101"));
        assertThat(call.authorization()).isEqualTo("Bearer xoxb-test");
        assertThat(call.params()).containsEntry("channel", "C0DIGEST").containsEntry("thread_ts", "1700000000.000001")
                .containsEntry("text", "Leader arrives for summit").containsEntry("unfurl_links", "0");
        assertThat(call.json("metadata")).isEqualTo(FakeSlackApi.JSON.readTree("""
                {"event_type":"parallax_delivery","event_payload":{"key":"slack:C0DIGEST|2025-09-01T08:00:00Z|story|s0123abcd","part":0,"parts":1}}"""));
        assertThat(call.json("blocks")).isEqualTo(FakeSlackApi.JSON.readTree("""
                [
                 {"type":"header","text":{"type":"plain_text","text":"Leader arrives for summit","emoji":true}},
                 {"type":"context","elements":[{"type":"mrkdwn","text":"Story `s0123abcd` · 2 outlets · 1 divergence"}]},
                 {"type":"section","text":{"type":"mrkdwn","text":"*Summary*\\n• The leader arrived on Sunday for a four-day visit &amp; talks. <https://planet.example/visit|[1]><https://bugle.example/lands?id=7&x=1|[2]>"}},
                 {"type":"section","text":{"type":"mrkdwn","text":"*Where sources differ*\\n*Day the leader arrived*\\n• Sunday <https://planet.example/visit|[1]>: “He arrived on Sunday.”\\n• Thursday <https://bugle.example/lands?id=7&x=1|[2]>: “He landed on &lt;Thursday&gt;.”"}},
                 {"type":"section","text":{"type":"mrkdwn","text":"*Sources agree*\\n• Length of the visit: 4 days <https://planet.example/visit|[1]><https://bugle.example/lands?id=7&x=1|[2]>"}},
                 {"type":"section","text":{"type":"mrkdwn","text":"*Only one source says*\\n• Number of delegates: 40 delegates <https://bugle.example/lands?id=7&x=1|[2]>"}},
                 {"type":"context","elements":[{"type":"mrkdwn","text":"[1] <https://planet.example/visit|Daily Planet> · [2] <https://bugle.example/lands?id=7&x=1|The Bugle>"}]},
                 {"type":"actions","block_id":"story:s0123abcd","elements":[
                   {"type":"button","text":{"type":"plain_text","text":"Where sources differ","emoji":true},"action_id":"parallax:claims","value":"s0123abcd"},
                   {"type":"button","text":{"type":"plain_text","text":"Sources","emoji":true},"action_id":"parallax:sources","value":"s0123abcd"}]}
                ]"""));
    }

    @Test
    @DisplayName("the digest header is a channel message listing the stories")
    void headerBlocks() throws Exception {
        Delivery delivery = new Delivery(CHANNEL, "k|header", null, new Delivery.DigestHeader("Parallax digest: 2 stories",
                List.of(new Delivery.StoryLine("s1", "Leader arrives", 5, 3), new Delivery.StoryLine("s2", "Floods", 1, 0))));

        DeliveryResult result = platform().deliver(delivery);

        FakeSlackApi.Call call = api.calls("chat.postMessage").get(0);
        assertThat(result).isEqualTo(new DeliveryResult.Delivered("1700000000.000101"));
        assertThat(call.params()).doesNotContainKey("thread_ts").containsEntry("text", "Parallax digest: 2 stories");
        assertThat(call.json("blocks")).isEqualTo(FakeSlackApi.JSON.readTree("""
                [
                 {"type":"header","text":{"type":"plain_text","text":"Parallax digest: 2 stories","emoji":true}},
                 {"type":"section","text":{"type":"mrkdwn","text":"• *Leader arrives* · 5 outlets · 3 divergences · `s1`\\n• *Floods* · 1 outlet · `s2`"}},
                 {"type":"context","elements":[{"type":"mrkdwn","text":"Each story follows in this thread, with where its sources differ."}]}
                ]"""));
    }

    @Test
    @DisplayName("a follow-up goes into the thread of the digest the story was posted in")
    void followUpThreadsUnderTheRoot() {
        platform().deliver(new Delivery(CHANNEL, "k|followup", "1700000000.000001/1700000000.000002",
                new Delivery.FollowUp("s1", "1 new outlet: The Bugle")));

        assertThat(api.calls("chat.postMessage").get(0).params()).containsEntry("thread_ts", "1700000000.000001");
    }

    @Test
    @DisplayName("a divergence longer than a block becomes consecutive blocks, and more than 50 blocks more messages")
    void splitsAtTheLimits() throws Exception {
        List<Divergence> divergences = new ArrayList<>();
        String longQuote = "The delegation, " + "which had travelled overnight from the capital, ".repeat(90) + "landed.";
        divergences.add(new Divergence("day the leader arrived", List.of(
                new Divergence.Side("Sunday", List.of("a1"), List.of(longQuote)),
                new Divergence.Side("Thursday", List.of("a2"), List.of("He landed on Thursday.")))));
        for (int i = 0; i < 55; i++) {
            divergences.add(new Divergence("number of delegates " + i, List.of(
                    new Divergence.Side(i + " delegates", List.of("a1"), List.of("There were " + i + " delegates.")),
                    new Divergence.Side((i + 1) + " delegates", List.of("a2"),
                            List.of("There were " + (i + 1) + " delegates.")))));
        }
        StoryBrief small = smallStory();
        StoryBrief big = new StoryBrief(small.id(), small.headline(), small.articles(), small.summary(),
                small.agreements(), divergences);

        DeliveryResult result = platform().deliver(new Delivery(CHANNEL, "k|story|big", "1700000000.000001",
                new Delivery.Story(big)));

        List<FakeSlackApi.Call> posts = api.calls("chat.postMessage");
        assertThat(result).isEqualTo(new DeliveryResult.Delivered("1700000000.000001/1700000000.000101"));
        assertThat(posts).hasSize(2).allSatisfy(p -> {
            assertThat(p.params()).containsEntry("thread_ts", "1700000000.000001");
            assertThat(p.json("blocks").size()).isLessThanOrEqualTo(50);
        });
        assertThat(posts.get(1).params().get("text")).isEqualTo("Leader arrives for summit (continued)");
        List<JsonNode> blocks = new ArrayList<>();
        posts.forEach(p -> p.json("blocks").forEach(blocks::add));
        // header, context, summary, 56 divergences + 1 overflow, agree, only one source says, legend, actions
        assertThat(blocks).hasSize(2 + 1 + 56 + 1 + 1 + 1 + 1 + 1);
        assertThat(blocks).allSatisfy(b -> assertThat(b.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000));
        // The long divergence is two blocks in a row that together hold all of it.
        String first = blocks.get(3).path("text").path("text").asText();
        String second = blocks.get(4).path("text").path("text").asText();
        assertThat(first).startsWith("*Where sources differ*\n*Day the leader arrived*\n• Sunday").hasSizeGreaterThan(2500);
        assertThat(first + second).contains("“" + longQuote + "”").endsWith("“He landed on Thursday.”");
        for (int i = 0; i < 55; i++) {
            String expected = "*Number of delegates " + i + "*\n• " + i + " delegates";
            assertThat(blocks).filteredOn(b -> b.path("text").path("text").asText().startsWith(expected)).hasSize(1);
        }
        assertThat(blocks.get(blocks.size() - 1).path("type").asText()).isEqualTo("actions");
    }

    @Test
    @DisplayName("429 is retried no sooner than Retry-After; the parts already posted are not posted again")
    void rateLimitResumes() {
        StoryBrief big = storyWithDivergences(60);
        Delivery delivery = new Delivery(CHANNEL, "k|story|rl", "1700000000.000001", new Delivery.Story(big));
        SlackPlatform platform = platform();
        api.passNext("chat.postMessage");
        api.failNext("chat.postMessage", 429, Map.of("Retry-After", "7"), "{\"ok\":false,\"error\":\"ratelimited\"}");

        DeliveryResult first = platform.deliver(delivery);
        DeliveryResult retry = platform.deliver(delivery);

        assertThat(first).isEqualTo(new DeliveryResult.RetryLater(Duration.ofSeconds(7), "slack rate limit (429)"));
        assertThat(retry).isEqualTo(new DeliveryResult.Delivered("1700000000.000001/1700000000.000101"));
        assertThat(api.calls("chat.postMessage")).hasSize(3);
        assertThat(api.calls("chat.postMessage").get(2).params().get("text")).endsWith("(continued)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel_not_found", "not_in_channel", "is_archived", "account_inactive"})
    @DisplayName("a channel that is gone, or a bot that is out, is a permanent failure")
    void permanent(String error) {
        api.failNext("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}");

        assertThat(platform().deliver(new Delivery(CHANNEL, "k", null, new Delivery.FollowUp("s1", "x"))))
                .isEqualTo(new DeliveryResult.Permanent("slack: " + error));
    }

    @Test
    @DisplayName("other refusals and server errors are retried later")
    void transient_() {
        api.failNext("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"internal_error\"}");
        api.failNext("chat.postMessage", 503, Map.of(), "{\"ok\":false}");
        SlackPlatform platform = platform();
        Delivery d = new Delivery(CHANNEL, "k", null, new Delivery.FollowUp("s1", "x"));

        assertThat(platform.deliver(d)).isEqualTo(new DeliveryResult.RetryLater(null, "slack: internal_error"));
        assertThat(platform.deliver(d)).isInstanceOfSatisfying(DeliveryResult.RetryLater.class,
                r -> assertThat(r.reason()).startsWith("slack http 503"));
    }

    @Test
    @DisplayName("after a crash, a delivered message is found by its metadata, and a half-sent one resumes")
    void findAfterRestart() {
        Delivery whole = new Delivery(CHANNEL, "k|story|whole", "1700000000.000001", new Delivery.Story(smallStory()));
        Delivery split = new Delivery(CHANNEL, "k|story|split", "1700000000.000001",
                new Delivery.Story(storyWithDivergences(60)));
        DeliveryResult delivered = platform().deliver(whole);
        api.passNext("chat.postMessage");
        api.failNext("chat.postMessage", 500, Map.of(), "{\"ok\":false}");
        assertThat(platform().deliver(split)).isInstanceOf(DeliveryResult.RetryLater.class);
        int posts = api.calls("chat.postMessage").size();

        SlackPlatform restarted = platform();

        assertThat(restarted.findDelivered(whole)).contains(((DeliveryResult.Delivered) delivered).messageId());
        assertThat(restarted.findDelivered(new Delivery(CHANNEL, "k|never", null, new Delivery.FollowUp("s", "x"))))
                .isEmpty();
        assertThat(restarted.findDelivered(split)).isEmpty();
        DeliveryResult resumed = restarted.deliver(split);
        assertThat(api.calls("chat.postMessage")).hasSize(posts + 1);
        assertThat(resumed).isEqualTo(new DeliveryResult.Delivered("1700000000.000001/1700000000.000102"));
        assertThat(restarted.findDelivered(split)).contains("1700000000.000001/1700000000.000102");
    }

    private static StoryBrief storyWithDivergences(int n) {
        List<Divergence> divergences = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            divergences.add(new Divergence("count " + i, List.of(
                    new Divergence.Side(i + " people", List.of("a1"), List.of("q" + i)),
                    new Divergence.Side((i + 1) + " people", List.of("a2"), List.of("r" + i)))));
        }
        StoryBrief s = smallStory();
        return new StoryBrief(s.id(), s.headline(), s.articles(), s.summary(), s.agreements(), divergences);
    }
}
