package dev.parallax.app;

import dev.parallax.chat.ChatPlatform;
import dev.parallax.chat.slack.SlackBot;
import dev.parallax.chat.discord.DiscordBot;
import dev.parallax.chat.console.ConsoleChannel;
import dev.parallax.chat.console.FileChannel;
import dev.parallax.ops.HealthServer;
import dev.parallax.ops.ParallaxMetrics;
import dev.parallax.schedule.ChannelAdminService;
import dev.parallax.schedule.FolderPoller;
import dev.parallax.schedule.OutboxDispatcher;
import dev.parallax.schedule.ParallaxScheduler;
import dev.parallax.schedule.RetryPolicy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parallax run}: the bot. Registers the configured channels, polls sources, builds each
 * channel's digest on its schedule and drains the outbox, until SIGTERM; {@code --once} does one
 * cycle (poll, a digest now for every channel, deliver) and exits.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the scheduler and the configured channels (Ctrl-C or SIGTERM stops it).")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private static final int OUTBOX_BATCH = 50;

    @ParentCommand
    Main main;

    @Option(names = "--once", description = "poll, post one digest to every channel now, deliver, and exit")
    boolean once;

    private SlackBot slack;

    @Override
    public Integer call() throws Exception {
        ParallaxConfig config = main.config();
        RunSettings run = config.run();
        Clock clock = Clock.systemUTC();
        ParallaxMetrics metrics = new ParallaxMetrics();
        try (Parallax app = Parallax.start(config, clock)) {
            for (ChannelConfig ch : run.channels()) {
                app.channels.upsert(ch.ref().id(), ch.ref().platform(), ch.ref().address(), ch.schedule(), ch.zone(),
                        ch.include(), ch.exclude());
            }
            Map<String, ChatPlatform> platforms = new LinkedHashMap<>();
            platforms.put("console", new ConsoleChannel(System.out));
            platforms.put("file", new FileChannel());
            // Slack: only when its tokens are in the environment (see README, "Parallax in Slack").
            slack = SlackBot.fromEnvironment(config.slack(), System.getenv(), clock).orElse(null);
            if (slack != null) {
                platforms.put("slack", slack.platform());
            }
            discord(app, config).ifPresent(bot -> platforms.put("discord", bot));
            OutboxDispatcher dispatcher = new OutboxDispatcher(app.outbox, app.channels, platforms,
                    RetryPolicy.defaults(), clock, Duration.ofMinutes(2), metrics::delivery);
            FolderPoller poller = new FolderPoller(run.folders(), app.folderIngest, app.clustering,
                    metrics::articlesIngested);
            if (once) {
                poller.pollDue();
                for (ChannelConfig ch : run.channels()) {
                    app.channelDigests.buildNow(ch.ref().id());
                    metrics.digestBuilt();
                }
                dispatcher.drain(OUTBOX_BATCH);
                return 0;
            }
            return serve(app, run, clock, metrics, platforms, dispatcher, poller);
        }
    }

    // Discord (issue 8): only when DISCORD_TOKEN is set; the app closes it on the way out.
    private static Optional<DiscordBot> discord(Parallax app, ParallaxConfig config) throws InterruptedException {
        String token = System.getenv("DISCORD_TOKEN");
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        DiscordBot bot = app.startDiscord(token, config.discord());
        if (!bot.awaitReady(Duration.ofSeconds(30))) {
            LOG.warn("Discord is not connected yet; its deliveries wait in the outbox until it is");
        }
        return Optional.of(bot);
    }

    private int serve(Parallax app, RunSettings run, Clock clock, ParallaxMetrics metrics,
                      Map<String, ChatPlatform> platforms, OutboxDispatcher dispatcher, FolderPoller poller)
            throws IOException, InterruptedException {
        ParallaxScheduler scheduler = new ParallaxScheduler(app.channelDigests, dispatcher, poller, app.channels,
                clock, new ParallaxScheduler.Intervals(run.pollInterval(), run.outboxInterval(), OUTBOX_BATCH));
        metrics.gauge("parallax_outbox_depth", () -> app.outbox.backlog().depth());
        metrics.gauge("parallax_outbox_oldest_age_seconds", () -> app.outbox.backlog().oldestAge().toSeconds());
        metrics.gauge("parallax_stories", app.stories::count);
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        checks.put("database", () -> app.articles.count() >= 0);
        checks.put("scheduler", scheduler::running);
        platforms.forEach((name, platform) -> checks.put(name, platform::connected));
        HealthServer health = run.opsPort() == 0 ? null
                : new HealthServer(run.opsHost(), run.opsPort(), checks, metrics);

        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            LOG.info("stopping: finishing in-flight work (at most {})", run.shutdownTimeout());
            Thread closer = new Thread(scheduler::close, "parallax-shutdown");
            closer.start();
            try {
                closer.join(run.shutdownTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (health != null) {
                health.close();
            }
            stopped.countDown();
        }, "parallax-sigterm");
        Runtime.getRuntime().addShutdownHook(hook);
        scheduler.start();
        if (slack != null) {
            slack.listen(app.commands(new ChannelAdminService(app.channels, app.outbox, app.channelDigests,
                    scheduler.triggers()::scheduleNext), slack.command()));
            Runtime.getRuntime().addShutdownHook(new Thread(slack::close, "parallax-slack-stop"));
        }
        LOG.info("running: {} channels, health on {}", app.channels.all().size(),
                health == null ? "off" : run.opsHost() + ":" + health.port());
        stopped.await();
        return 0;
    }
}
