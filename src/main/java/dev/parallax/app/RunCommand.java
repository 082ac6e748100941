package dev.parallax.app;

import dev.parallax.chat.ChannelRef;
import dev.parallax.chat.ChatPlatform;
import dev.parallax.ops.HealthServer;
import dev.parallax.schedule.OutboxDispatcher;
import dev.parallax.schedule.ParallaxScheduler;
import dev.parallax.schedule.SourcePoller;
import dev.parallax.store.ChannelRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parallax run}: the bot. Registers the configured channels, polls sources, builds each
 * channel's digest on its schedule and drains the outbox until SIGTERM; {@code --once} does one
 * cycle (poll, a digest now for every scheduled channel, deliver) and exits.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the scheduler and the configured channels (Ctrl-C or SIGTERM stops it).")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private static final int OUTBOX_BATCH = 20;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--once", description = "poll, queue a digest for every scheduled channel now, deliver, and exit")
    boolean once;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        ParallaxConfig config = main.config();
        RunSettings run = config.run();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Parallax app = Parallax.start(config, Clock.systemUTC())) {
            declareChannels(app, run);
            int recovered = app.outbox.recoverInFlight();
            if (recovered > 0) {
                LOG.warn("{} deliveries were in flight when Parallax last stopped: checking them before resending",
                        recovered);
            }
            Map<String, ChatPlatform> platforms = app.platforms(out, System.getenv());
            OutboxDispatcher dispatcher = app.dispatcher(platforms);
            SourcePoller poller = app.poller();
            return once ? once(app, platforms, dispatcher, poller, err)
                    : serve(app, run, platforms, dispatcher, poller, err);
        } finally {
            stopped.countDown(); // after the app closed (chat connections, database): the SIGTERM hook waits for this
        }
    }

    private static void declareChannels(Parallax app, RunSettings run) {
        for (ChannelConfig ch : run.channels()) {
            app.channels.declare(ch.ref().id(), ch.ref().platform(), ch.ref().address(), ch.schedule(), ch.zone(),
                    ch.include(), ch.exclude());
        }
        List<String> retired = app.channels.retireUndeclared(run.channels().stream().map(c -> c.ref().id()).toList());
        retired.forEach(id -> LOG.warn("channel={} is no longer in the config: its schedule is off", id));
    }

    private static int once(Parallax app, Map<String, ChatPlatform> platforms, OutboxDispatcher dispatcher,
                            SourcePoller poller, PrintWriter err) {
        SourcePoller.PollReport polled = poller.pollDue();
        int digests = 0;
        for (ChannelRow ch : app.channels.all()) {
            if (ch.enabled() && ch.schedule() != null && platforms.containsKey(ChannelRef.parse(ch.id()).platform())) {
                app.channelDigests.buildNow(ch.id());
                digests++;
            }
        }
        int sent = dispatcher.drain(OUTBOX_BATCH);
        int waiting = app.outbox.backlog().depth();
        err.printf("parallax: polled %d sources (%d failed), %d new articles; %d digests queued; %d messages"
                + " handled, %d still waiting%n", polled.polled(), polled.failed(), polled.articlesAdded(), digests,
                sent, waiting);
        err.flush();
        return 0;
    }

    private int serve(Parallax app, RunSettings run, Map<String, ChatPlatform> platforms, OutboxDispatcher dispatcher,
                      SourcePoller poller, PrintWriter err) throws IOException, InterruptedException {
        ParallaxScheduler scheduler = app.scheduler(dispatcher, poller, platforms, OUTBOX_BATCH);
        app.metrics.gauge("parallax.outbox.depth", "messages not yet delivered", () -> app.outbox.backlog().depth());
        app.metrics.gauge("parallax.outbox.oldest.age.seconds", "age of the oldest undelivered message",
                () -> app.outbox.backlog().oldestAge().toSeconds());
        app.metrics.gauge("parallax.stories", "stories in the database", app.stories::count);
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        checks.put("database", () -> databaseAnswers(app));
        checks.put("scheduler", scheduler::running);
        platforms.forEach((name, platform) -> checks.put(name, platform::connected));
        HealthServer health = run.opsEnabled() ? health(run, checks, app, scheduler) : null;

        // SIGTERM runs shutdown hooks: ours asks the main thread to stop and waits for it to finish in order.
        CountDownLatch stopRequested = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                stopped.await(run.shutdownTimeout().toSeconds() + 5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "parallax-sigterm");
        Runtime.getRuntime().addShutdownHook(hook);
        int booked = scheduler.start();
        app.listenForCommands();
        String where = health == null ? "off" : "http://" + run.opsHost() + ":" + health.port() + "/healthz";
        LOG.info("running: {} channels scheduled, health {}", booked, where);
        err.printf("parallax: running, %d channels scheduled; health %s; stop with Ctrl-C or SIGTERM%n", booked,
                where);
        err.flush();
        stopRequested.await();
        LOG.info("stopping: finishing in-flight work (at most {})", run.shutdownTimeout());
        boolean clean = scheduler.stop(run.shutdownTimeout());
        if (health != null) {
            health.close();
        }
        String how = clean ? "stopped cleanly" : "stopped after the timeout; unfinished deliveries resume at next start";
        LOG.info(how);
        err.println("parallax: " + how);
        err.flush();
        return 0;
    }

    private static HealthServer health(RunSettings run, Map<String, BooleanSupplier> checks, Parallax app,
                                       ParallaxScheduler scheduler) {
        try {
            return new HealthServer(run.opsHost(), run.opsPort(), checks, app.metrics);
        } catch (IOException e) {
            scheduler.stop(Duration.ofSeconds(5));
            throw new InputException("cannot serve /healthz on " + run.opsHost() + ":" + run.opsPort() + " ("
                    + e.getMessage() + "): set another [ops] port, or port = 0 for any free one");
        }
    }

    private static boolean databaseAnswers(Parallax app) {
        try (Connection c = app.database.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1")) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }
}
