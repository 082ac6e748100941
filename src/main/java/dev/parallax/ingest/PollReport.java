package dev.parallax.ingest;

import java.time.Duration;
import java.util.List;

/**
 * What one poll cycle did.
 *
 * @param due            sources that were due
 * @param read           sources that answered with content
 * @param notModified    sources that answered 304
 * @param throttled      sources that asked us to slow down
 * @param failed         sources whose read failed
 * @param disabled       sources disabled by this cycle
 * @param articlesAdded  new articles stored
 * @param duplicates     entries kept as sightings of an article already stored
 * @param newArticleIds  ids of the new articles, in the order they were stored
 * @param elapsed        wall time of the cycle
 * @param problems       one line per failed or disabled source
 */
public record PollReport(int due, int read, int notModified, int throttled, int failed, int disabled,
                         int articlesAdded, int duplicates, List<String> newArticleIds, Duration elapsed,
                         List<String> problems) {
    public PollReport {
        newArticleIds = List.copyOf(newArticleIds);
        problems = List.copyOf(problems);
    }

    static PollReport empty() {
        return new PollReport(0, 0, 0, 0, 0, 0, 0, 0, List.of(), Duration.ZERO, List.of());
    }
}
