package dev.parallax.schedule;

import dev.parallax.store.ChannelStore;
import dev.parallax.store.OutboxStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz, set up for Parallax, with jobs built by plain constructors: source polling and
 * per-channel digests (and a prune now and then) run as Quartz jobs; the outbox is drained by a
 * loop of this instance's own. With the in-memory store (one instance) the schedules live in our
 * tables and are booked at start-up. With the clustered store (several instances on PostgreSQL)
 * the triggers live in Quartz's tables: each firing runs on exactly one instance, a dead
 * instance's triggers fire elsewhere, and a digest it was building runs again on another
 * instance. Every instance drains the outbox; claims keep them from sending a message twice.
 */
public final class ParallaxScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(ParallaxScheduler.class);

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    // Creating a scheduler and taking it out of Quartz's static repository happen as one step.
    private static final Object CREATING = new Object();
    private static final int THREADS = 3;
    static final String CLUSTER_NAME = "parallax";

    private final Scheduler scheduler;
    private final DigestTriggers triggers;
    private final OutboxDispatcher dispatcher;
    private final SourcePoller poller;
    private final QuartzStore store;
    private final Intervals intervals;
    private final ScheduledExecutorService outboxLoop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "parallax-outbox");
        t.setDaemon(true);
        return t;
    });

    /** Intervals for the repeating jobs. */
    public record Intervals(Duration poll, Duration outbox, int outboxBatch) {
    }

    // Marks older than this can no longer be followed up (stories stop growing after the clustering window).
    private static final Duration KEEP_OUTBOX = Duration.ofDays(30);
    private static final Duration PRUNE_EVERY = Duration.ofHours(6);

    /**
     * {@code platforms}: the chat platforms running in this process; at start-up only their channels
     * are booked. {@code store}: in memory (one instance) or clustered on a shared database.
     */
    public ParallaxScheduler(ChannelDigestService digests, OutboxDispatcher dispatcher, SourcePoller poller,
                             ChannelStore channels, OutboxStore outbox, InstantSource clock, Intervals intervals,
                             Set<String> platforms, QuartzStore store) {
        this.dispatcher = dispatcher;
        this.poller = poller;
        this.store = store;
        this.intervals = intervals;
        try {
            scheduler = create(properties(store));
            boolean clustered = store instanceof QuartzStore.Clustered;
            triggers = new DigestTriggers(scheduler, channels, clock, platforms, clustered);
            scheduler.setJobFactory(factory(digests, poller, outbox));
            triggers.registerJob();
            repeat(Jobs.PollJob.class, "poll", intervals.poll(), clock);
            repeat(Jobs.PruneJob.class, "prune", PRUNE_EVERY, clock);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot set up the scheduler: " + e.getMessage(), e);
        }
    }

    /** The scheduler's name and store settings; a clustered one takes its connections from the shared database. */
    private static Properties properties(QuartzStore store) {
        int n = INSTANCES.incrementAndGet();
        Properties props = new Properties();
        props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        props.setProperty("org.quartz.threadPool.threadCount", String.valueOf(THREADS));
        // Shutdown is ours to order (SIGTERM hook, bounded wait): Quartz threads never hold the JVM up.
        props.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        props.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        if (store instanceof QuartzStore.Clustered c) {
            String source = "parallax-db-" + n;
            DBConnectionManager.getInstance().addConnectionProvider(source, new SharedConnections(c.dataSource()));
            // Every instance of the cluster has the same scheduler name and its own instance id.
            props.setProperty("org.quartz.scheduler.instanceName", CLUSTER_NAME);
            props.setProperty("org.quartz.scheduler.instanceId", c.instanceId());
            props.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            props.setProperty("org.quartz.jobStore.driverDelegateClass",
                    "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            props.setProperty("org.quartz.jobStore.dataSource", source);
            props.setProperty("org.quartz.jobStore.isClustered", "true");
            props.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(c.checkin().toMillis()));
            // Job data as strings (the channel id), not serialized Java objects.
            props.setProperty("org.quartz.jobStore.useProperties", "true");
            props.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
            props.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(THREADS));
        } else {
            // Quartz keeps schedulers in a static repository by name: each of ours needs its own.
            props.setProperty("org.quartz.scheduler.instanceName", "parallax-" + n);
            props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        }
        return props;
    }

    // Cluster members share one name; several may live in one JVM (tests), so none stays in the repository.
    private static Scheduler create(Properties props) throws SchedulerException {
        synchronized (CREATING) {
            Scheduler created = new StdSchedulerFactory(props).getScheduler();
            if (CLUSTER_NAME.equals(created.getSchedulerName())) {
                SchedulerRepository.getInstance().remove(CLUSTER_NAME);
            }
            return created;
        }
    }

    private JobFactory factory(ChannelDigestService digests, SourcePoller poller, OutboxStore outbox) {
        Map<Class<? extends Job>, Job> jobs = Map.of(
                Jobs.DigestJob.class, new Jobs.DigestJob(digests, triggers),
                Jobs.PollJob.class, new Jobs.PollJob(poller),
                Jobs.PruneJob.class, new Jobs.PruneJob(outbox, KEEP_OUTBOX));
        return (bundle, ignored) -> jobs.get(bundle.getJobDetail().getJobClass());
    }

    /**
     * Books a repeating job; its first run comes one interval after start (start-up itself polls).
     * A trigger already stored with the same interval (another instance booked it) is kept as it is.
     */
    private void repeat(Class<? extends Job> type, String name, Duration every, InstantSource clock)
            throws SchedulerException {
        Trigger existing = scheduler.getTrigger(TriggerBuilder.newTrigger().withIdentity(name, "parallax").build()
                .getKey());
        if (existing instanceof SimpleTrigger s && s.getRepeatInterval() == every.toMillis()
                && existing.getNextFireTime() != null) {
            return;
        }
        scheduler.scheduleJob(JobBuilder.newJob(type).withIdentity(name, "parallax").build(),
                Set.of(TriggerBuilder.newTrigger().withIdentity(name, "parallax")
                        .startAt(Date.from(clock.instant().plus(every)))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                .withIntervalInMilliseconds(every.toMillis()).repeatForever()
                                .withMisfireHandlingInstructionNextWithRemainingCount())
                        .build()), true);
    }

    /**
     * Starts the jobs and this instance's outbox loop. In memory: polls the sources once first, so
     * that a catch-up digest includes what arrived while the process was down, then fires every
     * channel's digest check at once (catch-up), then runs each on its schedule. Clustered: books
     * the channels no instance booked yet (their catch-up runs at once) and asks for a poll; the
     * others' bookings stand. Returns how many channels are booked.
     */
    public int start() {
        try {
            int booked;
            if (store instanceof QuartzStore.Clustered) {
                booked = triggers.ensureAll();
                scheduler.start();
                scheduler.triggerJob(JobKey.jobKey("poll", "parallax"));
            } else {
                pollOnce();
                booked = triggers.registerAll();
                scheduler.start();
            }
            long every = intervals.outbox().toMillis();
            outboxLoop.scheduleWithFixedDelay(this::drainOutbox, every, every, TimeUnit.MILLISECONDS);
            return booked;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    private void pollOnce() {
        try {
            SourcePoller.PollReport first = poller.pollDue();
            LOG.info("start-up poll: {} sources, {} failed, {} new articles", first.polled(), first.failed(),
                    first.articlesAdded());
        } catch (RuntimeException e) {
            LOG.error("start-up poll failed, the poll job retries: {}", e.toString());
        }
    }

    private void drainOutbox() {
        try {
            dispatcher.drain(intervals.outboxBatch());
        } catch (RuntimeException e) {
            LOG.error("outbox drain failed, next run retries: {}", e.toString());
            LOG.debug("outbox drain failure", e);
        }
    }

    public DigestTriggers triggers() {
        return triggers;
    }

    /** How this instance is known to the others ("NON_CLUSTERED" in memory). */
    public String instanceId() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }

    /** Tells {@code listener} of every job this instance ran: its name ("digest", "poll", "prune") and channel. */
    public void onJobRun(BiConsumer<String, String> listener) {
        try {
            scheduler.getListenerManager().addJobListener(new JobListener() {
                @Override
                public String getName() {
                    return "parallax-job-runs-" + System.identityHashCode(listener);
                }

                @Override
                public void jobToBeExecuted(JobExecutionContext context) {
                }

                @Override
                public void jobExecutionVetoed(JobExecutionContext context) {
                }

                @Override
                public void jobWasExecuted(JobExecutionContext context, JobExecutionException error) {
                    listener.accept(context.getJobDetail().getKey().getName(),
                            context.getMergedJobDataMap().getString(Jobs.CHANNEL));
                }
            });
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot listen to the scheduler", e);
        }
    }

    public boolean running() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode()
                    && !outboxLoop.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /**
     * Stops taking new work, lets the running jobs finish (the outbox hands back what it has not
     * started) and waits at most {@code timeout}; returns whether everything finished in time.
     * Whatever did not is recovered from the outbox at the next start, or by another instance.
     */
    public boolean stop(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        dispatcher.stop();
        outboxLoop.shutdown();
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
            closer.join(Math.max(1, timeout.toMillis()));
            return outboxLoop.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)
                    && !closer.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops at once without waiting for running jobs, as a crash would: this instance stops checking
     * in, and the cluster treats it as dead (its digests in progress run again elsewhere).
     */
    public void halt() {
        dispatcher.stop();
        outboxLoop.shutdownNow();
        try {
            scheduler.shutdown(false);
        } catch (SchedulerException e) {
            LOG.error("scheduler halt failed: {}", e.toString());
        }
    }

    // Quartz takes its connections from our pool; the pool belongs to the Database, which closes it.
    private record SharedConnections(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}
