package dev.parallax.schedule;

import dev.parallax.store.ChannelStore;
import dev.parallax.store.OutboxStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz, set up for Parallax: an in-memory job store (schedules live in our own tables and are
 * booked at start-up), jobs built with plain constructors, and three kinds of work: source
 * polling, per-channel digests, and outbox draining.
 */
public final class ParallaxScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(ParallaxScheduler.class);

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Scheduler scheduler;
    private final DigestTriggers triggers;
    private final OutboxDispatcher dispatcher;
    private final SourcePoller poller;

    /** Intervals for the repeating jobs. */
    public record Intervals(Duration poll, Duration outbox, int outboxBatch) {
    }

    // Marks older than this can no longer be followed up (stories stop growing after the clustering window).
    private static final Duration KEEP_OUTBOX = Duration.ofDays(30);
    private static final Duration PRUNE_EVERY = Duration.ofHours(6);

    /** {@code platforms}: the chat platforms running in this process; channels of others are not scheduled. */
    public ParallaxScheduler(ChannelDigestService digests, OutboxDispatcher dispatcher, SourcePoller poller,
                             ChannelStore channels, OutboxStore outbox, InstantSource clock, Intervals intervals,
                             Set<String> platforms) {
        this.dispatcher = dispatcher;
        this.poller = poller;
        try {
            Properties props = new Properties();
            // Quartz keeps schedulers in a static repository by name: each of ours needs its own.
            props.setProperty("org.quartz.scheduler.instanceName", "parallax-" + INSTANCES.incrementAndGet());
            props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            props.setProperty("org.quartz.threadPool.threadCount", "3");
            // Shutdown is ours to order (SIGTERM hook, bounded wait): Quartz threads never hold the JVM up.
            props.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
            props.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
            props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            StdSchedulerFactory factory = new StdSchedulerFactory(props);
            scheduler = factory.getScheduler();
            triggers = new DigestTriggers(scheduler, channels, clock, platforms);
            scheduler.setJobFactory(factory(digests, dispatcher, poller, outbox, intervals));
            triggers.registerJob();
            repeat(Jobs.PollJob.class, "poll", intervals.poll(), clock);
            repeat(Jobs.OutboxJob.class, "outbox", intervals.outbox(), clock);
            repeat(Jobs.PruneJob.class, "prune", PRUNE_EVERY, clock);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot set up the scheduler", e);
        }
    }

    private JobFactory factory(ChannelDigestService digests, OutboxDispatcher dispatcher, SourcePoller poller,
                               OutboxStore outbox, Intervals intervals) {
        Map<Class<? extends Job>, Job> jobs = Map.of(
                Jobs.DigestJob.class, new Jobs.DigestJob(digests, triggers),
                Jobs.OutboxJob.class, new Jobs.OutboxJob(dispatcher, intervals.outboxBatch()),
                Jobs.PollJob.class, new Jobs.PollJob(poller),
                Jobs.PruneJob.class, new Jobs.PruneJob(outbox, KEEP_OUTBOX));
        return (bundle, ignored) -> jobs.get(bundle.getJobDetail().getJobClass());
    }

    // The first run comes one interval after start: start-up itself polls once before the catch-up.
    private void repeat(Class<? extends Job> type, String name, Duration every, InstantSource clock)
            throws SchedulerException {
        scheduler.scheduleJob(JobBuilder.newJob(type).withIdentity(name, "parallax").build(),
                TriggerBuilder.newTrigger().withIdentity(name, "parallax")
                        .startAt(java.util.Date.from(clock.instant().plus(every)))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                .withIntervalInMilliseconds(every.toMillis()).repeatForever()
                                .withMisfireHandlingInstructionNextWithRemainingCount())
                        .build());
    }

    /**
     * Polls the sources once, so that a catch-up digest includes what arrived while the process was
     * down, then starts the jobs: every channel's digest is checked at once (catch-up), then on its
     * schedule. Returns how many channels were booked.
     */
    public int start() {
        try {
            try {
                SourcePoller.PollReport first = poller.pollDue();
                LOG.info("start-up poll: {} sources, {} failed, {} new articles", first.polled(), first.failed(),
                        first.articlesAdded());
            } catch (RuntimeException e) {
                LOG.error("start-up poll failed, the poll job retries: {}", e.toString());
            }
            int booked = triggers.registerAll();
            scheduler.start();
            return booked;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler", e);
        }
    }

    public DigestTriggers triggers() {
        return triggers;
    }

    public boolean running() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /**
     * Stops taking new work, lets the running jobs finish (the outbox hands back what it has not
     * started) and waits at most {@code timeout}; returns whether everything finished in time.
     * Whatever did not is recovered from the outbox at the next start.
     */
    public boolean stop(Duration timeout) {
        dispatcher.stop();
        Thread closer = new Thread(() -> {
            try {
                scheduler.shutdown(true);
            } catch (SchedulerException e) {
                LOG.error("scheduler shutdown failed: {}", e.toString());
            }
        }, "parallax-scheduler-stop");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !closer.isAlive();
    }
}
