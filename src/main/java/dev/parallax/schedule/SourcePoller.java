package dev.parallax.schedule;

/**
 * Fetches the sources that are due and files new articles into stories: the seam between the
 * scheduler and ingest (folders today, feeds from the feed service).
 */
@FunctionalInterface
public interface SourcePoller {
    PollReport pollDue();

    /** One poll: sources looked at, how many of them failed, and articles added. */
    record PollReport(int polled, int failed, int articlesAdded) {
        public static final PollReport NOTHING = new PollReport(0, 0, 0);

        public PollReport plus(PollReport other) {
            return new PollReport(polled + other.polled, failed + other.failed, articlesAdded + other.articlesAdded);
        }
    }
}
