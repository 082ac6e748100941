package dev.parallax.schedule;

import dev.parallax.store.OutboxStore;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz jobs: each calls one service and logs; a failure is one log line, never a dead
 * scheduler thread. Polls and prunes never overlap, also across the instances of a cluster.
 */
final class Jobs {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    static final String CHANNEL = "channel";

    private Jobs() {
    }

    /**
     * Builds one channel's digest when due, then books the channel's next run (soon again after a
     * failure). Channels run side by side: each has its own trigger, and two builds of one channel
     * at once (a command's "digest now") are settled by the outbox, where only one commits.
     */
    record DigestJob(ChannelDigestService digests, DigestTriggers triggers) implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            String channel = context.getMergedJobDataMap().getString(CHANNEL);
            if (context.isRecovering()) {
                LOG.warn("channel={} digest resumed on this instance: the instance that was building it stopped",
                        channel);
            }
            try {
                digests.runDue(channel);
                triggers.scheduleNext(channel);
            } catch (RuntimeException e) {
                LOG.error("channel={} digest failed, retrying in {}: {}", channel, DigestTriggers.RETRY, e.toString());
                LOG.debug("channel={} digest failure", channel, e);
                triggers.retrySoon(channel);
            }
        }
    }

    /** Keeps the outbox and the story marks from growing for ever. */
    @DisallowConcurrentExecution
    record PruneJob(OutboxStore outbox, Duration keep) implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                int removed = outbox.prune(keep);
                LOG.info("outbox pruned: {} rows older than {} removed", removed, keep);
            } catch (RuntimeException e) {
                LOG.error("outbox prune failed, next run retries: {}", e.toString());
            }
        }
    }

    @DisallowConcurrentExecution
    record PollJob(SourcePoller poller) implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                SourcePoller.PollReport report = poller.pollDue();
                LOG.debug("poll: {} sources, {} failed, {} new articles", report.polled(), report.failed(),
                        report.articlesAdded());
            } catch (RuntimeException e) {
                LOG.error("source poll failed, next run retries: {}", e.toString());
                LOG.debug("source poll failure", e);
            }
        }
    }
}
