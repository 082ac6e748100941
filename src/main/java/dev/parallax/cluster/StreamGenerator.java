package dev.parallax.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a long article stream out of a short real one, for benchmarks: the source stream is replayed
 * as often as needed; replay k gets ids suffixed "~k" and publish times shifted k weeks later, each
 * replay spread over {@code span}. A week apart, one replay's stories have left a 72-hour window before
 * the next starts, so the working set looks like a steady news flow rather than one growing pile.
 */
public final class StreamGenerator {
    private static final Duration REPLAY_GAP = Duration.ofDays(7);

    private StreamGenerator() {
    }

    public static List<ClusterDocument> generate(List<ClusterDocument> source, int count, Instant start,
                                                 Duration span) {
        if (source.isEmpty()) {
            throw new IllegalArgumentException("no source documents to replay");
        }
        List<ClusterDocument> out = new ArrayList<>(count);
        Duration step = span.dividedBy(source.size());
        for (int i = 0; i < count; i++) {
            int replay = i / source.size();
            int index = i % source.size();
            ClusterDocument d = source.get(index);
            Instant published = start.plus(REPLAY_GAP.multipliedBy(replay)).plus(step.multipliedBy(index));
            out.add(new ClusterDocument(d.id() + "~" + replay, d.title(), d.text(), published));
        }
        return out;
    }
}
