package dev.parallax.cluster;

import dev.parallax.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Leave-one-topic-out cross-validation: each topic is scored with the grid point that does best on all
 * the other topics, so every fold tunes on all but one topic (the most a held-out figure can use).
 *
 * <p>Each grid point streams the whole file once, and its errors are counted per topic. A topic's
 * labels never choose its own settings, though its articles stay in the stream, unlabelled, as they
 * would in a live feed. Tuning for a topic uses the pairs among the other topics; a pair that
 * crosses topics scored with different settings counts half from each side's stream. So when every
 * fold picks the same point, the pooled figure is that point's score on the whole file.
 */
public final class LeaveOneTopicOut {
    private LeaveOneTopicOut() {
    }

    /**
     * One held-out topic: the settings chosen on the other topics, and its wrongly joined and wrongly
     * split pairs under them and under the configured settings.
     */
    public record Fold(String topic, ClusterSettings chosen, double falsePairs, long missedPairs,
                       double configuredFalsePairs, long configuredMissedPairs) {
        public double wrongPairs() {
            return falsePairs + missedPairs;
        }

        public double configuredWrongPairs() {
            return configuredFalsePairs + configuredMissedPairs;
        }
    }

    /** Held-out scores pooled over all topics (pairs and documents, not a mean of folds), and each fold. */
    public record Result(ClusterScores pooled, List<Fold> folds) {
    }

    /**
     * Runs the grid (in parallel, one stream each) and {@code configured}, then scores each topic with the
     * best point on the others by pairwise F1 (the first in grid order on a tie).
     */
    public static Result run(List<TopicCrossValidation.Labelled> docs, List<ClusterSettings> grid,
                             ClusterSettings configured, TermAnalyzer analyzer) {
        return nested(docs, List.of(grid), configured, analyzer);
    }

    /**
     * As {@link #run}, with the grid in families, one per value of a setting chosen with the file in view (the
     * straggler hold). Best fit on the other topics would favour whichever family peaks highest on them, so
     * each fold first takes the family whose own choices transfer best: a leave-one-topic-out inside its
     * tuning topics (the first family on a tie). Then the family's point best on all those topics.
     */
    public static Result nested(List<TopicCrossValidation.Labelled> docs, List<List<ClusterSettings>> families,
                                ClusterSettings configured, TermAnalyzer analyzer) {
        if (families.isEmpty() || families.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("the grid is empty");
        }
        List<ClusterSettings> grid = families.stream().flatMap(List::stream).toList();
        List<String> topics = TopicCrossValidation.topics(docs);
        Map<String, Integer> topicIndex = new HashMap<>();
        topics.forEach(t -> topicIndex.put(t, topicIndex.size()));
        Map<String, Integer> storyTopic = storyTopics(docs, topicIndex);
        List<ClusterDocument> stream = docs.stream().map(TopicCrossValidation.Labelled::doc).toList();
        List<TopicCounts> byPoint = IntStream.range(0, grid.size()).parallel()
                .mapToObj(i -> TopicCounts.of(docs, topicIndex, storyTopic,
                        StreamRun.of(stream, grid.get(i), analyzer).finalStory()))
                .toList();
        // The configured settings are usually a grid point already: their stream is not run twice.
        int configuredAt = grid.indexOf(configured);
        TopicCounts baseline = configuredAt >= 0 ? byPoint.get(configuredAt) : TopicCounts.of(docs, topicIndex,
                storyTopic, StreamRun.of(stream, configured, analyzer).finalStory());
        List<List<Integer>> familyPoints = new ArrayList<>();
        int first = 0;
        for (List<ClusterSettings> family : families) {
            familyPoints.add(IntStream.range(first, first + family.size()).boxed().toList());
            first += family.size();
        }

        double truePairs = 0;
        double falsePairs = 0;
        double missedPairs = 0;
        double bcubedPrecision = 0;
        double bcubedRecall = 0;
        List<Fold> folds = new ArrayList<>();
        for (int t = 0; t < topics.size(); t++) {
            int heldOut = t;
            // One family needs no inner leave-one-topic-out.
            List<Integer> points = familyPoints.size() == 1 ? familyPoints.get(0)
                    : firstBest(familyPoints, family -> transferF1(byPoint, family, heldOut));
            int best = firstBest(points, g -> byPoint.get(g).pairF1Without(heldOut, -1));
            TopicCounts chosen = byPoint.get(best);
            truePairs += chosen.truePairs[t];
            falsePairs += chosen.heldOutFalsePairs(t);
            missedPairs += chosen.missedPairs[t];
            bcubedPrecision += chosen.bcubedPrecision[t];
            bcubedRecall += chosen.bcubedRecall[t];
            folds.add(new Fold(topics.get(t), grid.get(best), chosen.heldOutFalsePairs(t), chosen.missedPairs[t],
                    baseline.heldOutFalsePairs(t), baseline.missedPairs[t]));
        }
        double pp = truePairs + falsePairs == 0 ? 1 : truePairs / (truePairs + falsePairs);
        double pr = truePairs + missedPairs == 0 ? 1 : truePairs / (truePairs + missedPairs);
        double bp = bcubedPrecision / docs.size();
        double br = bcubedRecall / docs.size();
        return new Result(new ClusterScores(pp, pr, f1(pp, pr), bp, br, f1(bp, br), docs.size()), folds);
    }

    // The first of the items with the highest score.
    private static <T> T firstBest(List<T> items, ToDoubleFunction<T> score) {
        T best = items.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (T item : items) {
            double s = score.applyAsDouble(item);
            if (s > bestScore) {
                bestScore = s;
                best = item;
            }
        }
        return best;
    }

    // Pooled pairwise F1 of a leave-one-topic-out over every topic but t, choosing among the family's points;
    // t stays unlabelled, so pairs joined wrongly with its articles count for nothing.
    private static double transferF1(List<TopicCounts> byPoint, List<Integer> family, int t) {
        double tp = 0;
        double fp = 0;
        double fn = 0;
        int topics = byPoint.get(0).truePairs.length;
        for (int u = 0; u < topics; u++) {
            if (u == t) {
                continue;
            }
            int inner = u;
            TopicCounts c = byPoint.get(firstBest(family, g -> byPoint.get(g).pairF1Without(t, inner)));
            tp += c.truePairs[u];
            fp += c.falseWithin[u] + (c.falseAcross[u] - c.falseBetween(u, t)) / 2.0;
            fn += c.missedPairs[u];
        }
        double p = tp + fp == 0 ? 1 : tp / (tp + fp);
        double r = tp + fn == 0 ? 1 : tp / (tp + fn);
        return f1(p, r);
    }

    // Each gold story's topic; a story told under two topics cannot be held out with either.
    private static Map<String, Integer> storyTopics(List<TopicCrossValidation.Labelled> docs,
                                                    Map<String, Integer> topicIndex) {
        Map<String, Integer> out = new HashMap<>();
        for (TopicCrossValidation.Labelled d : docs) {
            Integer before = out.putIfAbsent(d.story(), topicIndex.get(d.topic()));
            if (before != null && before != topicIndex.get(d.topic()).intValue()) {
                throw new IllegalArgumentException("gold story \"" + d.story() + "\" spans two topics");
            }
        }
        return out;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** One stream's outcome counted per topic: pairs right, wrongly joined and wrongly split, and B-cubed sums. */
    private static final class TopicCounts {
        final long[] truePairs;
        final long[] falseWithin;
        final long[] missedPairs;
        // Wrongly joined pairs with one article in the topic and one outside it, in all and by the other
        // topic (sparse: a predicted story seldom spans many topics, and NeuS has 307 of them).
        final long[] falseAcross;
        final List<Map<Integer, Long>> betweenByTopic;
        final long allFalseAcross;
        final double[] bcubedPrecision;
        final double[] bcubedRecall;
        // Sums over all topics, so that leaving one or two out costs nothing per call.
        long allTrue;
        long allFalseWithin;
        long allMissed;

        private TopicCounts(long[] falseAcross, List<Map<Integer, Long>> betweenByTopic, long allFalseAcross) {
            int topics = falseAcross.length;
            truePairs = new long[topics];
            falseWithin = new long[topics];
            missedPairs = new long[topics];
            bcubedPrecision = new double[topics];
            bcubedRecall = new double[topics];
            this.falseAcross = falseAcross;
            this.betweenByTopic = betweenByTopic;
            this.allFalseAcross = allFalseAcross;
        }

        static TopicCounts of(List<TopicCrossValidation.Labelled> docs, Map<String, Integer> topicIndex,
                              Map<String, Integer> storyTopic, List<String> predicted) {
            int topics = topicIndex.size();
            Map<String, Integer> goldSize = new HashMap<>();
            Map<String, Integer> predSize = new HashMap<>();
            Map<List<String>, Integer> jointSize = new HashMap<>();
            // How many of each predicted story's articles each topic holds.
            Map<String, Map<Integer, Integer>> topicShare = new LinkedHashMap<>();
            for (int i = 0; i < docs.size(); i++) {
                TopicCrossValidation.Labelled d = docs.get(i);
                goldSize.merge(d.story(), 1, Integer::sum);
                predSize.merge(predicted.get(i), 1, Integer::sum);
                jointSize.merge(List.of(d.story(), predicted.get(i)), 1, Integer::sum);
                topicShare.computeIfAbsent(predicted.get(i), k -> new HashMap<>())
                        .merge(topicIndex.get(d.topic()), 1, Integer::sum);
            }
            long across = 0;
            long[] acrossByTopic = new long[topics];
            List<Map<Integer, Long>> between = new ArrayList<>();
            for (int t = 0; t < topics; t++) {
                between.add(new HashMap<>());
            }
            long[] predictedWithin = new long[topics];
            for (Map.Entry<String, Map<Integer, Integer>> story : topicShare.entrySet()) {
                int size = predSize.get(story.getKey());
                for (Map.Entry<Integer, Integer> e : story.getValue().entrySet()) {
                    acrossByTopic[e.getKey()] += (long) e.getValue() * (size - e.getValue());
                    across += (long) e.getValue() * (size - e.getValue());
                    predictedWithin[e.getKey()] += pairs(e.getValue());
                    for (Map.Entry<Integer, Integer> other : story.getValue().entrySet()) {
                        if (!other.getKey().equals(e.getKey())) {
                            between.get(e.getKey()).merge(other.getKey(), (long) e.getValue() * other.getValue(),
                                    Long::sum);
                        }
                    }
                }
            }
            // Each crossing pair was counted from both of its topics.
            TopicCounts out = new TopicCounts(acrossByTopic, between, across / 2);
            // Gold stories lie within one topic, so every rightly joined pair does too.
            jointSize.forEach((key, size) -> out.truePairs[storyTopic.get(key.get(0))] += pairs(size));
            long[] goldPairs = new long[topics];
            goldSize.forEach((story, size) -> goldPairs[storyTopic.get(story)] += pairs(size));
            for (int t = 0; t < topics; t++) {
                out.falseWithin[t] = predictedWithin[t] - out.truePairs[t];
                out.missedPairs[t] = goldPairs[t] - out.truePairs[t];
                out.allTrue += out.truePairs[t];
                out.allFalseWithin += out.falseWithin[t];
                out.allMissed += out.missedPairs[t];
            }
            for (int i = 0; i < docs.size(); i++) {
                TopicCrossValidation.Labelled d = docs.get(i);
                int joint = jointSize.get(List.of(d.story(), predicted.get(i)));
                int t = topicIndex.get(d.topic());
                out.bcubedPrecision[t] += joint / (double) predSize.get(predicted.get(i));
                out.bcubedRecall[t] += joint / (double) goldSize.get(d.story());
            }
            return out;
        }

        private static long pairs(long size) {
            return size * (size - 1) / 2;
        }

        /** Pairwise F1 over every topic but {@code t} and {@code u} (-1 for none): pairs touching them are left out. */
        double pairF1Without(int t, int u) {
            long tp = allTrue - truePairs[t] - (u < 0 ? 0 : truePairs[u]);
            long fp = allFalseWithin - falseWithin[t] + allFalseAcross - falseAcross[t]
                    - (u < 0 ? 0 : falseWithin[u] + falseAcross[u] - falseBetween(t, u));
            long fn = allMissed - missedPairs[t] - (u < 0 ? 0 : missedPairs[u]);
            double p = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
            double r = tp + fn == 0 ? 1 : tp / (double) (tp + fn);
            return f1(p, r);
        }

        /** Wrongly joined pairs with one article in topic t and one in topic u. */
        long falseBetween(int t, int u) {
            return betweenByTopic.get(t).getOrDefault(u, 0L);
        }

        /** The topic's wrongly joined pairs, those crossing to another topic counted half. */
        double heldOutFalsePairs(int t) {
            return falseWithin[t] + falseAcross[t] / 2.0;
        }
    }
}
