package dev.parallax.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.chat.ChannelRef;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two Parallax instances share a two-shard bot through JDA's ShardManager, each running one
 * shard: each identifies as its shard, sees only the guilds Discord routes to it, and delivers
 * there; a channel on the other instance's shard is left for a retry, never disabled.
 */
class DiscordShardingTest {
    // Discord routes a guild to shard (guild_id >> 22) % shard_count.
    private static final String EVEN_GUILD = Long.toString(4_000_000L << 22);
    private static final String ODD_GUILD = Long.toString(4_000_001L << 22);
    private static final String EVEN_CHANNEL = "8100000000000000000";
    private static final String ODD_CHANNEL = "8200000000000000000";

    @Test
    @DisplayName("each instance runs its own shard of two and delivers only to the guilds on it")
    void shardsSplitTheGuilds() throws Exception {
        try (FakeDiscordRest rest = new FakeDiscordRest()) {
            FakeDiscordGateway gateway = new FakeDiscordGateway().open();
            gateway.addGuild(new FakeGuild(EVEN_GUILD, "Even").channel(EVEN_CHANNEL, "news", FakeGuild.TEXT).json());
            gateway.addGuild(new FakeGuild(ODD_GUILD, "Odd").channel(ODD_CHANNEL, "news", FakeGuild.TEXT).json());
            DiscordSettings first = new DiscordSettings(rest.baseUrl(), gateway.url(), false, 2, 0, 0, "", "parallax",
                    Duration.ofMillis(500));
            DiscordSettings second = new DiscordSettings(rest.baseUrl(), gateway.url(), false, 2, 1, 1, "",
                    "parallax", Duration.ofMillis(500));
            try (DiscordBot a = DiscordBot.start("token", first, Optional.empty(), (c, r) -> { });
                 DiscordBot b = DiscordBot.start("token", second, Optional.empty(), (c, r) -> { })) {
                assertThat(a.awaitReady(Duration.ofSeconds(20))).isTrue();
                assertThat(b.awaitReady(Duration.ofSeconds(20))).isTrue();

                DeliveryResult aEven = a.deliver(header(EVEN_CHANNEL));
                DeliveryResult aOdd = a.deliver(header(ODD_CHANNEL));
                DeliveryResult bOdd = b.deliver(header(ODD_CHANNEL));

                assertThat(gateway.identifies()).extracting(FakeDiscordGateway.Identify::shard,
                        FakeDiscordGateway.Identify::shards).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(0, 2), org.assertj.core.groups.Tuple.tuple(1, 2));
                assertThat(aEven).isInstanceOf(DeliveryResult.Delivered.class);
                assertThat(bOdd).isInstanceOf(DeliveryResult.Delivered.class);
                assertThat(aOdd).isInstanceOfSatisfying(DeliveryResult.RetryLater.class,
                        r -> assertThat(r.reason()).contains("not on this instance's shards"));
                // The outbox asks first, and leaves a channel on the other shard to the instance that runs it.
                assertThat(a.serves(new ChannelRef("discord", EVEN_CHANNEL))).isTrue();
                assertThat(a.serves(new ChannelRef("discord", ODD_CHANNEL))).isFalse();
                assertThat(b.serves(new ChannelRef("discord", ODD_CHANNEL))).isTrue();
                assertThat(rest.requests("POST", "/channels/" + EVEN_CHANNEL + "/messages")).hasSize(1);
                assertThat(rest.requests("POST", "/channels/" + ODD_CHANNEL + "/messages")).hasSize(1);
            } finally {
                gateway.stop(1000);
            }
        }
    }

    private static Delivery header(String channelId) {
        return new Delivery(new ChannelRef("discord", channelId), "discord:" + channelId + "|p|header", null,
                new Delivery.DigestHeader("Parallax digest: 1 story",
                        List.of(new Delivery.StoryLine("s1", "A story", 2, 0))));
    }
}
