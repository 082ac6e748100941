package dev.parallax.cluster;

import dev.parallax.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass of the stream clusterer over documents in order, keeping both what was decided when each
 * article arrived and where it ended after later repairs (merges and splits).
 *
 * @param assignments the decision made on arrival, per document in input order
 * @param finalStory  each document's story at the end of the stream, after repairs, in input order
 * @param repairs     every merge and split made along the way
 * @param nanos       time spent in the clusterer per document, in input order
 */
public record StreamRun(List<Assignment> assignments, List<String> finalStory, List<StoryRepair> repairs,
                        long[] nanos) {

    public static StreamRun of(List<ClusterDocument> docs, ClusterSettings settings, TermAnalyzer analyzer) {
        return of(docs, settings, analyzer, SemanticSignal.NONE);
    }

    public static StreamRun of(List<ClusterDocument> docs, ClusterSettings settings, TermAnalyzer analyzer,
                               SemanticSignal semantic) {
        StoryClusterer clusterer = new StoryClusterer(settings, analyzer, semantic);
        List<Assignment> assignments = new ArrayList<>(docs.size());
        List<StoryRepair> repairs = new ArrayList<>();
        Map<String, String> storyOf = new LinkedHashMap<>();
        long[] nanos = new long[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            ClusterDocument doc = docs.get(i);
            long start = System.nanoTime();
            Assignment a = clusterer.add(doc);
            List<StoryRepair> made = clusterer.drainRepairs();
            nanos[i] = System.nanoTime() - start;
            assignments.add(a);
            storyOf.put(doc.id(), a.storyId());
            for (StoryRepair r : made) {
                r.articleIds().forEach(id -> storyOf.put(id, r.to()));
            }
            repairs.addAll(made);
        }
        return new StreamRun(assignments, docs.stream().map(d -> storyOf.get(d.id())).toList(), repairs, nanos);
    }

    public List<String> arrivalStory() {
        return assignments.stream().map(Assignment::storyId).toList();
    }
}
