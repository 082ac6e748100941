package dev.parallax.schedule;

import dev.parallax.chat.ChannelRef;
import dev.parallax.store.ChannelRow;
import dev.parallax.store.ChannelStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Quartz trigger per channel, set to that channel's next digest time (computed by
 * {@link DigestSchedule} in the channel's zone). A trigger only wakes the channel up: whether a
 * digest is due is decided from the channel's stored period, so an early, late or repeated firing
 * never sends a digest twice. At start-up every channel fires at once, which catches up a digest
 * missed while the process was down (or skips it past the grace period). With the clustered store
 * the triggers outlive every instance: a starting instance books only the channels that have none.
 */
public final class DigestTriggers {
    private static final Logger LOG = LoggerFactory.getLogger(DigestTriggers.class);
    private static final String GROUP = "parallax";
    static final JobKey JOB = JobKey.jobKey("digest", GROUP);
    static final Duration RETRY = Duration.ofMinutes(1);

    private final Scheduler scheduler;
    private final ChannelStore channels;
    private final InstantSource clock;
    private final Set<String> platforms;
    private final boolean clustered;

    /** {@code clustered}: the triggers are shared by several instances, each running its own platforms. */
    DigestTriggers(Scheduler scheduler, ChannelStore channels, InstantSource clock, Set<String> platforms,
                   boolean clustered) {
        this.scheduler = scheduler;
        this.channels = channels;
        this.clock = clock;
        this.platforms = Set.copyOf(platforms);
        this.clustered = clustered;
    }

    // Recovery: a digest whose instance died while building it runs again on another (clustered store).
    void registerJob() throws SchedulerException {
        JobDetail job = JobBuilder.newJob(Jobs.DigestJob.class).withIdentity(JOB).storeDurably().requestRecovery()
                .build();
        scheduler.addJob(job, true);
    }

    /**
     * Clustered start-up: books every enabled, scheduled channel of a running platform that has no
     * trigger yet (at once: a catch-up); triggers other instances booked stay as they are. Returns
     * how many such channels are booked now.
     */
    int ensureAll() throws SchedulerException {
        Set<TriggerKey> booked = scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP));
        int count = 0;
        for (ChannelRow channel : channels.all()) {
            if (!channel.enabled()) {
                LOG.warn("channel={} is disabled: {}", channel.id(), channel.disabledReason());
            } else if (channel.schedule() != null && servable(channel.id())) {
                if (!booked.contains(key(channel.id()))) {
                    book(channel.id(), clock.instant());
                }
                count++;
            }
        }
        return count;
    }

    /** Fires every enabled, scheduled channel of a running platform now; returns how many. */
    int registerAll() {
        int booked = 0;
        for (ChannelRow channel : channels.all()) {
            if (!channel.enabled()) {
                LOG.warn("channel={} is disabled: {}", channel.id(), channel.disabledReason());
            } else if (channel.schedule() != null && servable(channel.id())) {
                book(channel.id(), clock.instant());
                booked++;
            }
        }
        return booked;
    }

    /** Books the channel's next digest time (or removes its trigger when it has none). */
    public void scheduleNext(String channelId) {
        Optional<ChannelRow> channel = channels.find(channelId);
        if (channel.isEmpty() || !channel.get().enabled() || channel.get().schedule() == null
                || !servable(channelId)) {
            unbook(channelId);
            return;
        }
        try {
            DigestSchedule schedule = DigestSchedule.parse(channel.get().schedule(), channel.get().zone());
            Instant next = schedule.nextAfter(clock.instant());
            book(channelId, next);
            LOG.debug("channel={} next digest at {}", channelId, next);
        } catch (IllegalArgumentException e) {
            LOG.error("channel={} has an invalid schedule, not booked: {}", channelId, e.getMessage());
            unbook(channelId);
        }
    }

    void retrySoon(String channelId) {
        book(channelId, clock.instant().plus(RETRY));
    }

    // Clustered, another instance may run the platform (its deliveries go to that instance), so any may book it.
    private boolean servable(String channelId) {
        String platform = ChannelRef.parse(channelId).platform();
        if (platforms.contains(platform)) {
            return true;
        }
        if (clustered) {
            return true;
        }
        LOG.warn("channel={} not scheduled: platform {} is not running", channelId, platform);
        return false;
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
                try {
                    scheduler.scheduleJob(trigger);
                } catch (ObjectAlreadyExistsException e) {
                    scheduler.rescheduleJob(trigger.getKey(), trigger); // another instance booked it just now
                }
            }
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
        return TriggerKey.triggerKey("digest:" + channelId, GROUP);
    }
}
