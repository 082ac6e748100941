package dev.parallax.schedule;

import dev.parallax.store.ChannelStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Properties;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;

/**
 * Quartz, set up for Parallax: an in-memory job store (schedules live in our own tables and are
 * booked at start-up), jobs built by our own factory with plain constructors, and three kinds of
 * work: source polling, per-channel digests, and outbox draining.
 */
public final class ParallaxScheduler implements AutoCloseable {
    private final Scheduler scheduler;
    private final DigestTriggers triggers;

    /** Intervals for the repeating jobs. */
    public record Intervals(Duration poll, Duration outbox, int outboxBatch) {
    }

    public ParallaxScheduler(ChannelDigestService digests, OutboxDispatcher dispatcher, SourcePoller poller,
                             ChannelStore channels, InstantSource clock, Intervals intervals) {
        try {
            Properties props = new Properties();
            props.setProperty("org.quartz.scheduler.instanceName", "parallax");
            props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            props.setProperty("org.quartz.threadPool.threadCount", "4");
            props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            scheduler = new StdSchedulerFactory(props).getScheduler();
            triggers = new DigestTriggers(scheduler, channels, clock);
            scheduler.setJobFactory(factory(digests, dispatcher, poller, intervals));
            triggers.registerJob();
            repeat(Jobs.PollJob.class, "poll", intervals.poll());
            repeat(Jobs.OutboxJob.class, "outbox", intervals.outbox());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot set up the scheduler", e);
        }
    }

    private JobFactory factory(ChannelDigestService digests, OutboxDispatcher dispatcher, SourcePoller poller,
                               Intervals intervals) {
        Job digestJob = new Jobs.DigestJob(digests, triggers);
        Job outboxJob = new Jobs.OutboxJob(dispatcher, intervals.outboxBatch());
        Job pollJob = new Jobs.PollJob(poller);
        return (bundle, ignored) -> {
            Class<? extends Job> type = bundle.getJobDetail().getJobClass();
            if (type == Jobs.DigestJob.class) {
                return digestJob;
            }
            return type == Jobs.OutboxJob.class ? outboxJob : pollJob;
        };
    }

    private void repeat(Class<? extends Job> type, String name, Duration every) throws SchedulerException {
        scheduler.scheduleJob(JobBuilder.newJob(type).withIdentity(name, "parallax").build(),
                TriggerBuilder.newTrigger().withIdentity(name, "parallax").startNow()
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                .withIntervalInMilliseconds(every.toMillis()).repeatForever()
                                .withMisfireHandlingInstructionNextWithRemainingCount())
                        .build());
    }

    /** Starts the jobs; every channel's digest is checked at once (catch-up), then on its schedule. */
    public void start() {
        try {
            triggers.registerAll();
            scheduler.start();
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

    /** Stops taking new work and waits for running jobs to finish (bounded by the caller's timeout). */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot stop the scheduler", e);
        }
    }
}
