package dev.parallax.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parallax.SeedStories;
import dev.parallax.chat.CommandReply;
import dev.parallax.digest.StoryBrief;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A harness, not a timing assertion: 50 slash commands arrive at once over the fake gateway and
 * the time from each dispatch to its acknowledgement at the fake REST API is printed as p50/p99.
 * It asserts only that every command was acknowledged the right way.
 */
class DiscordAckLatencyTest {
    private static final String GUILD = Long.toString(5_000_000L << 22);
    private static final String CHANNEL = "8300000000000000000";
    private static final int COMMANDS = 50;

    @Test
    @DisplayName("50 concurrent commands are all acknowledged; prints ack latency p50/p99 (answered in time, and deferred)")
    void ackLatencyUnderConcurrentCommands() throws Exception {
        StoryBrief story = SeedStories.brief();
        FixedCommands commands = new FixedCommands(List.of())
                .answer("story " + story.id(), new CommandReply.StoryView(story, CommandReply.Focus.OVERVIEW, true))
                .slowly("digest now", 600, new CommandReply.Message("Posted.", true));
        try (FakeDiscordRest rest = new FakeDiscordRest()) {
            FakeDiscordGateway gateway = new FakeDiscordGateway().open();
            gateway.addGuild(new FakeGuild(GUILD, "Load").role("3100000000000000001", "Admins",
                    FakeGuild.MEMBER | FakeGuild.MANAGE_SERVER).channel(CHANNEL, "news", FakeGuild.TEXT).json());
            DiscordSettings settings = new DiscordSettings(rest.baseUrl(), gateway.url(), false, 0, 0, -1, "",
                    "parallax", Duration.ofMillis(300));
            try (DiscordBot bot = DiscordBot.start("token", settings, Optional.of(commands), (c, r) -> { })) {
                assertThat(bot.awaitReady(Duration.ofSeconds(20))).isTrue();
                burst(gateway, rest, "story", 3); // warm-up: JIT, connection pool

                List<Long> quick = burst(gateway, rest, "story", COMMANDS);
                List<Long> deferred = burst(gateway, rest, "digest-now", COMMANDS);

                System.out.println(report("answered in the ack (fast command)", quick));
                System.out.println(report("deferred (command slower than the 300 ms budget)", deferred));
                assertThat(quick).hasSize(COMMANDS);
                assertThat(deferred).hasSize(COMMANDS);
            } finally {
                gateway.stop(1000);
            }
        }
    }

    // Dispatches n commands back to back and returns each one's dispatch-to-ack time in microseconds.
    private static List<Long> burst(FakeDiscordGateway gateway, FakeDiscordRest rest, String sub, int n)
            throws InterruptedException {
        Map<String, Long> sentAt = new LinkedHashMap<>();
        FakeInteractions.Caller admin = new FakeInteractions.Caller("700000000000000099", FakeGuild.MEMBER,
                "3100000000000000001");
        for (int i = 0; i < n; i++) {
            String id = FakeInteractions.nextId();
            ObjectNode payload = sub.equals("story")
                    ? FakeInteractions.slash(id, GUILD, CHANNEL, admin, "parallax", "story", "story", SeedStories.ID)
                    : FakeInteractions.slash(id, GUILD, CHANNEL, admin, "parallax-admin", "digest-now");
            sentAt.put(id, System.nanoTime());
            gateway.dispatch(GUILD, "INTERACTION_CREATE", payload);
        }
        int expectedType = sub.equals("story") ? 4 : 5;
        List<Long> micros = new ArrayList<>();
        for (Map.Entry<String, Long> e : sentAt.entrySet()) {
            FakeDiscordRest.Received ack = rest.await("POST", "/interactions/" + e.getKey() + "/", 1, 10_000).get(0);
            assertThat(ack.json().get("type").asInt()).isEqualTo(expectedType);
            micros.add((ack.nanos() - e.getValue()) / 1000);
        }
        return micros;
    }

    private static String report(String what, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "Discord ack latency, %d concurrent commands, %s: p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms", sorted.size(), what, percentile(sorted, 50) / 1000.0,
                percentile(sorted, 99) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }
}
