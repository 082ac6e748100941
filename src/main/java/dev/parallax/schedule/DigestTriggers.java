package dev.parallax.schedule;

import dev.parallax.store.ChannelRow;
import dev.parallax.store.ChannelStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.Optional;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Quartz trigger per channel, always set to that channel's next digest time (computed by
 * {@link DigestSchedule} in the channel's zone). At start-up every channel fires once at once, so a
 * digest missed while the process was down is caught up (or skipped past the grace period).
 */
public final class DigestTriggers {
    private static final Logger LOG = LoggerFactory.getLogger(DigestTriggers.class);
    static final JobKey JOB = JobKey.jobKey("digest", "parallax");

    private final Scheduler scheduler;
    private final ChannelStore channels;
    private final InstantSource clock;

    DigestTriggers(Scheduler scheduler, ChannelStore channels, InstantSource clock) {
        this.scheduler = scheduler;
        this.channels = channels;
        this.clock = clock;
    }

    void registerJob() throws SchedulerException {
        JobDetail job = JobBuilder.newJob(Jobs.DigestJob.class).withIdentity(JOB).storeDurably().build();
        scheduler.addJob(job, true);
    }

    /** Fires every enabled, scheduled channel now: catch-up first, then each books its next time. */
    void registerAll() {
        for (ChannelRow channel : channels.all()) {
            if (channel.enabled() && channel.schedule() != null) {
                book(channel.id(), clock.instant());
            }
        }
    }

    /** Books the channel's next digest time (or removes its trigger when it has none). */
    public void scheduleNext(String channelId) {
        Optional<ChannelRow> channel = channels.find(channelId);
        if (channel.isEmpty() || !channel.get().enabled() || channel.get().schedule() == null) {
            unbook(channelId);
            return;
        }
        try {
            DigestSchedule schedule = DigestSchedule.parse(channel.get().schedule(), channel.get().zone());
            book(channelId, schedule.nextAfter(clock.instant()));
        } catch (IllegalArgumentException e) {
            LOG.error("channel={} has an invalid schedule, not booked: {}", channelId, e.getMessage());
            unbook(channelId);
        }
    }

    private void book(String channelId, Instant at) {
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key(channelId)).forJob(JOB)
                .usingJobData(Jobs.CHANNEL, channelId)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            if (scheduler.checkExists(trigger.getKey())) {
                scheduler.rescheduleJob(trigger.getKey(), trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
            LOG.debug("channel={} next digest at {}", channelId, at);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot book digest for channel " + channelId, e);
        }
    }

    private void unbook(String channelId) {
        try {
            scheduler.unscheduleJob(key(channelId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot remove digest trigger of channel " + channelId, e);
        }
    }

    private static TriggerKey key(String channelId) {
        return TriggerKey.triggerKey("digest:" + channelId, "parallax");
    }
}
