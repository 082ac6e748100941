package dev.parallax.chat.discord;

import dev.parallax.chat.ChannelRef;
import dev.parallax.chat.ChatPlatform;
import dev.parallax.chat.CommandRunner;
import dev.parallax.chat.CommandService;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parallax on Discord: the "discord" platform of the outbox, and (when given a command service)
 * the {@code /parallax} commands. Serves every guild the bot is in, on one connection or on this
 * instance's shards.
 */
public final class DiscordBot implements ChatPlatform, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(45);
    // A handler waits up to the ack budget for its command, so a burst needs many; past the cap, JDA's
    // event thread runs the overflow itself, which slows reading the gateway instead of dropping commands.
    private static final int HANDLER_THREADS = 128;
    private static final int COMMAND_THREADS = 8;

    private final DiscordConnection connection;
    private final DiscordDelivery delivery;
    private final List<ExecutorService> pools;
    private final boolean ownsAllShards;

    private DiscordBot(DiscordConnection connection, DiscordDelivery delivery, List<ExecutorService> pools,
                       boolean ownsAllShards) {
        this.connection = connection;
        this.delivery = delivery;
        this.pools = pools;
        this.ownsAllShards = ownsAllShards;
    }

    /**
     * Connects and returns at once (the gateway session comes up in the background). Without a
     * command service the bot only posts digests and registers no commands.
     *
     * @param onChannelLost hears each channel the bot can no longer post in, with the reason
     */
    public static DiscordBot start(String token, DiscordSettings settings, Optional<CommandService> commands,
                                   BiConsumer<ChannelRef, String> onChannelLost) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("DISCORD_TOKEN is empty");
        }
        DiscordRenderer renderer = new DiscordRenderer();
        List<Object> listeners = new ArrayList<>();
        listeners.add(new ChannelAccessWatcher(onChannelLost));
        List<ExecutorService> pools = new ArrayList<>();
        if (commands.isPresent()) {
            ExecutorService handlers = new ThreadPoolExecutor(4, HANDLER_THREADS, 60, TimeUnit.SECONDS,
                    new SynchronousQueue<>(), named("discord-interaction"), new ThreadPoolExecutor.CallerRunsPolicy());
            ExecutorService workers = Executors.newFixedThreadPool(COMMAND_THREADS, named("discord-command"));
            pools.add(handlers);
            pools.add(workers);
            CommandRunner runner = new CommandRunner(commands.get(), workers, settings.ackBudget());
            listeners.add(new InteractionListener(settings, runner, commands.get(),
                    new AdminCheck(settings.adminRole()), new InteractionReplies(renderer), handlers));
            listeners.add(new CommandRegistrar(settings));
        }
        DiscordConnection connection;
        try {
            connection = DiscordConnection.open(token, settings, listeners);
        } catch (InvalidTokenException e) {
            pools.forEach(ExecutorService::shutdownNow);
            throw new IllegalArgumentException("Discord refused DISCORD_TOKEN; copy the bot token again from the"
                    + " Developer Portal (Bot > Reset Token)");
        }
        return new DiscordBot(connection,
                new DiscordDelivery(connection, renderer, settings.runsAllShards(), SEND_TIMEOUT), pools,
                settings.runsAllShards());
    }

    @Override
    public String name() {
        return "discord";
    }

    @Override
    public DeliveryResult deliver(Delivery d) {
        return delivery.deliver(d);
    }

    // A channel this instance's shards cannot see is another instance's, unless this one runs them all.
    @Override
    public boolean serves(ChannelRef channel) {
        return ownsAllShards || !connection.ready() || connection.channel(channel.address()) != null;
    }

    @Override
    public Optional<String> findDelivered(Delivery d) {
        return delivery.findDelivered(d);
    }

    @Override
    public boolean connected() {
        return connection.ready();
    }

    /** Waits until every shard of this instance is connected; false on timeout. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return connection.awaitReady(timeout);
    }

    @Override
    public void close() {
        connection.close();
        for (ExecutorService pool : pools) {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.shutdownNow();
            }
        }
    }

    /** Registers the slash commands (global, so once for all instances) when shard 0 is ready. */
    private static final class CommandRegistrar extends ListenerAdapter {
        private final DiscordSettings settings;

        CommandRegistrar(DiscordSettings settings) {
            this.settings = settings;
        }

        @Override
        public void onReady(ReadyEvent event) {
            if (event.getJDA().getShardInfo().getShardId() != 0) {
                return;
            }
            event.getJDA().updateCommands().addCommands(SlashCommands.definitions(settings))
                    .queue(done -> LOG.info("registered /{} and /{}", settings.command(), settings.adminCommand()),
                            e -> LOG.warn("could not register the slash commands: {}", e.toString()));
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
