package dev.parallax.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parallax.SeedStories;
import dev.parallax.chat.ChannelRef;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import dev.parallax.digest.StoryBrief;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A crash between posting to Discord and recording it: the next process (a new JDA client on the
 * same fake Discord) finds what its predecessor posted by the key each message carries, so the
 * outbox neither posts it again nor opens a second thread, and a half-posted story is finished in
 * its own thread.
 */
class DiscordFindDeliveredTest {
    private static final String GUILD = Long.toString(5_678_901L << 22);
    private static final String NEWS = "6111111111111111111";
    private static final String WORLD = "6222222222222222222";
    private static final String DESK = "6333333333333333333";
    private static final String FORUM = "6444444444444444444";

    @Test
    @DisplayName("after a restart, headers, stories (thread or forum post) and follow-ups already posted are found;"
            + " a story cut off half-way, or whose thread is still empty, is finished in that same thread")
    void findsWhatThePreviousProcessPosted() throws Exception {
        StoryBrief story = SeedStories.brief();
        StoryBrief big = SeedStories.big();
        Delivery header = delivery(NEWS, "p1|header", null, new Delivery.DigestHeader("Parallax digest: 1 story",
                List.of(new Delivery.StoryLine(story.id(), story.headline(), 5, 3))));
        Delivery inThread = delivery(NEWS, "p1|story|" + story.id(), null, new Delivery.Story(story));
        Delivery forumPost = delivery(FORUM, "p1|story|" + story.id(), null, new Delivery.Story(story));
        Delivery cutOff = delivery(WORLD, "p1|story|big", null, new Delivery.Story(big));
        Delivery emptyThread = delivery(DESK, "p1|story|" + story.id(), null, new Delivery.Story(story));
        Delivery neverPosted = delivery(NEWS, "p2|header", null, new Delivery.DigestHeader("Parallax digest: 1 story",
                List.of(new Delivery.StoryLine(story.id(), story.headline(), 5, 3))));
        int bigParts = new DiscordRenderer().delivery(cutOff.content()).size();
        FakeGuild guild = new FakeGuild(GUILD, "Newsroom").channel(NEWS, "news", FakeGuild.TEXT)
                .channel(WORLD, "world", FakeGuild.TEXT).channel(DESK, "desk", FakeGuild.TEXT)
                .channel(FORUM, "digests", FakeGuild.FORUM);

        try (FakeDiscordRest rest = new FakeDiscordRest()) {
            FakeDiscordGateway gateway = new FakeDiscordGateway().open();
            try {
                gateway.addGuild(guild.json());
                for (String channel : List.of(NEWS, WORLD, DESK)) {
                    rest.knowChannel(channel, GUILD, FakeGuild.TEXT);
                }
                rest.knowChannel(FORUM, GUILD, FakeGuild.FORUM);

                // The first process posts, and crashes before the outbox records any of it.
                String headerId;
                String threadId;
                String forumThreadId;
                String followUpThread;
                Delivery followUp;
                try (DiscordBot first = bot(rest, gateway)) {
                    headerId = delivered(first.deliver(header));
                    threadId = delivered(first.deliver(inThread));
                    forumThreadId = delivered(first.deliver(forumPost));
                    followUp = delivery(NEWS, "p2|followup|" + story.id(), threadId,
                            new Delivery.FollowUp(story.id(), "Update: 1 new outlet: AP."));
                    followUpThread = delivered(first.deliver(followUp));
                    // The big story's thread takes its first message, then Discord fails the second.
                    rest.failAfter(p -> p.matches("/api/v10/channels/8\\d+/messages"), 1, 500, 0, "Internal", 1);
                    assertThat(first.deliver(cutOff)).isInstanceOf(DeliveryResult.RetryLater.class);
                    // This story's thread is opened, and its first message fails.
                    rest.failAfter(p -> p.matches("/api/v10/channels/8\\d+/messages"), 0, 500, 0, "Internal", 1);
                    assertThat(first.deliver(emptyThread)).isInstanceOf(DeliveryResult.RetryLater.class);
                }
                // As Discord does, the next session's GUILD_CREATE lists the guild's active threads.
                ObjectNode withThreads = guild.json();
                withThreads.set("threads", rest.threads(GUILD));
                gateway.addGuild(withThreads);
                int threadsOpened = rest.requests("POST", "/threads").size();

                try (DiscordBot second = bot(rest, gateway)) {
                    assertThat(second.findDelivered(header)).contains(headerId);
                    assertThat(second.findDelivered(inThread)).contains(threadId);
                    assertThat(second.findDelivered(forumPost)).contains(forumThreadId);
                    assertThat(second.findDelivered(followUp)).contains(followUpThread).contains(threadId);
                    assertThat(second.findDelivered(neverPosted)).isEmpty();

                    assertThat(second.findDelivered(cutOff)).isEmpty();
                    String bigThread = delivered(second.deliver(cutOff));
                    assertThat(second.findDelivered(emptyThread)).isEmpty();
                    String deskThread = delivered(second.deliver(emptyThread));

                    assertThat(rest.requests("POST", "/threads")).hasSize(threadsOpened);
                    assertThat(rest.requests("POST", "/channels/" + WORLD + "/threads")).hasSize(1);
                    assertThat(rest.requests("POST", "/channels/" + DESK + "/threads")).hasSize(1);
                    assertThat(rest.requests("POST", "/channels/" + bigThread + "/messages")).hasSize(bigParts);
                    assertThat(rest.requests("POST", "/channels/" + deskThread + "/messages")).hasSize(1);
                    assertThat(second.findDelivered(cutOff)).contains(bigThread);
                }
            } finally {
                gateway.stop(1000);
            }
        }
    }

    private static Delivery delivery(String channel, String key, String parent, Delivery.Content content) {
        return new Delivery(new ChannelRef("discord", channel), "discord:" + channel + "|" + key, parent, content);
    }

    private static DiscordBot bot(FakeDiscordRest rest, FakeDiscordGateway gateway) throws InterruptedException {
        DiscordSettings settings = new DiscordSettings(rest.baseUrl(), gateway.url(), false, 0, 0, -1, "",
                "parallax", Duration.ofMillis(500));
        DiscordBot bot = DiscordBot.start("test-token", settings, Optional.empty(), (c, r) -> { });
        assertThat(bot.awaitReady(Duration.ofSeconds(20))).isTrue();
        return bot;
    }

    private static String delivered(DeliveryResult result) {
        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        return ((DeliveryResult.Delivered) result).messageId();
    }
}
