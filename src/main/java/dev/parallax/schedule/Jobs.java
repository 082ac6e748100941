package dev.parallax.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz jobs: each one line that calls a core service. */
final class Jobs {
    static final String CHANNEL = "channel";

    private Jobs() {
    }

    /** Builds one channel's digest when due, then books the channel's next run. */
    @DisallowConcurrentExecution
    record DigestJob(ChannelDigestService digests, DigestTriggers triggers) implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            String channel = context.getMergedJobDataMap().getString(CHANNEL);
            try {
                digests.runDue(channel);
            } finally {
                triggers.scheduleNext(channel);
            }
        }
    }

    @DisallowConcurrentExecution
    record OutboxJob(OutboxDispatcher dispatcher, int batch) implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            dispatcher.drain(batch);
        }
    }

    @DisallowConcurrentExecution
    record PollJob(SourcePoller poller) implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            poller.pollDue();
        }
    }
}
