package dev.parallax.chat.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.channel.attribute.IGuildChannelContainer;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * The gateway connection: one JDA session, or this instance's range of shards through a
 * {@link ShardManager} when a shard count is configured. No intents beyond the GUILDS one JDA
 * always sends (guilds, channels, roles and their permission changes); nothing privileged.
 */
final class DiscordConnection implements AutoCloseable {
    private final JDA single;
    private final ShardManager shards;

    private DiscordConnection(JDA single, ShardManager shards) {
        this.single = single;
        this.shards = shards;
    }

    static DiscordConnection open(String token, DiscordSettings settings, List<Object> listeners) {
        EnumSet<GatewayIntent> intents = EnumSet.noneOf(GatewayIntent.class);
        RestConfig rest = new RestConfig().setBaseUrl(settings.restBaseUrl());
        Compression compression = settings.compress() ? Compression.ZLIB : Compression.NONE;
        GatewayController controller = new GatewayController(settings);
        if (!settings.sharded()) {
            JDA jda = JDABuilder.createLight(token, intents)
                    .setRestConfig(rest)
                    .setSessionController(controller)
                    .setCompression(compression)
                    .addEventListeners(listeners.toArray())
                    .build();
            return new DiscordConnection(jda, null);
        }
        ShardManager manager = DefaultShardManagerBuilder.createLight(token, intents)
                .setShardsTotal(settings.shardTotal())
                .setShards(settings.shardFirst(), settings.shardLast())
                .setRestConfig(rest)
                .setSessionController(controller)
                .setCompression(compression)
                .addEventListeners(listeners.toArray())
                .build();
        return new DiscordConnection(null, manager);
    }

    /** A channel (or thread) this instance's shards can see; null when none can. */
    GuildChannel channel(String id) {
        if (!id.matches("\\d{1,20}")) {
            return null;
        }
        IGuildChannelContainer<?> container = single != null ? single : shards;
        return container.getGuildChannelById(id);
    }

    /** Whether Discord has reported some guild of this instance unavailable (an outage, not a removal). */
    boolean someGuildUnavailable() {
        List<JDA> all = single != null ? List.of(single) : shards.getShards();
        return all.stream().anyMatch(j -> !j.getUnavailableGuilds().isEmpty());
    }

    /** Whether every shard of this instance is connected and has loaded its guilds. */
    boolean ready() {
        if (single != null) {
            return single.getStatus() == JDA.Status.CONNECTED;
        }
        List<JDA> running = shards.getShards();
        return !running.isEmpty() && shards.getShardsQueued() == 0
                && running.stream().allMatch(j -> j.getStatus() == JDA.Status.CONNECTED);
    }

    boolean awaitReady(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        if (single != null) {
            single.shutdown();
            try {
                if (!single.awaitShutdown(5, TimeUnit.SECONDS)) {
                    single.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                single.shutdownNow();
            }
        } else {
            shards.shutdown();
        }
    }

    /** Points JDA at the configured gateway instead of asking Discord for it. */
    private static final class GatewayController extends ConcurrentSessionController {
        private final DiscordSettings settings;

        GatewayController(DiscordSettings settings) {
            this.settings = settings;
        }

        @Override
        public String getGateway() {
            return settings.gatewayUrl().isEmpty() ? super.getGateway() : settings.gatewayUrl();
        }

        @Override
        public ShardedGateway getShardedGateway(JDA api) {
            if (settings.gatewayUrl().isEmpty()) {
                return super.getShardedGateway(api);
            }
            return new ShardedGateway(settings.gatewayUrl(), Math.max(1, settings.shardTotal()));
        }
    }
}
