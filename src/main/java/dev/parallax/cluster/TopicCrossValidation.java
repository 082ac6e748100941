package dev.parallax.cluster;

import dev.parallax.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Honest parameter choice for the clusterer: topics are split in two halves (alternate topics in order
 * of first appearance); parameters are tuned on one half's stream and scored on the other half's, and
 * the reverse. Tuning picks the grid point with the best pairwise F1 after repairs; with several
 * semantic signals (one per blend weight) the grid is searched once per signal.
 */
public final class TopicCrossValidation {
    private TopicCrossValidation() {
    }

    /** A gold document: the article, its gold story and the topic it belongs to (the unit of splitting). */
    public record Labelled(ClusterDocument doc, String story, String topic) {
    }

    /** One direction: parameters chosen on {@code tunedOn}, their score there and on the held-out half. */
    public record Fold(String tunedOn, String heldOut, ClusterSettings chosen, SemanticSignal signal,
                       ClusterScores tuned, ClusterScores held) {
    }

    /** The grid searched: threshold, neighbourhood bar, straggler size and date weight; the rest from base. */
    public static List<ClusterSettings> grid(ClusterSettings base) {
        List<ClusterSettings> out = new ArrayList<>();
        for (double threshold : new double[] {0.13, 0.14, 0.15, 0.16}) {
            for (double bar : new double[] {0.15, 0.20, 0.25}) {
                for (int straggler : new int[] {3, 5}) {
                    for (double dates : new double[] {0.05, 0.1}) {
                        out.add(base.withThreshold(threshold).withNeighbourhood(bar, base.stories(), base.members())
                                .withAttach(base.attach(), straggler).withDateWeight(dates));
                    }
                }
            }
        }
        return out;
    }

    public static List<Fold> run(List<Labelled> docs, List<ClusterSettings> grid, TermAnalyzer analyzer) {
        return run(docs, grid, List.of(SemanticSignal.NONE), analyzer);
    }

    public static List<Fold> run(List<Labelled> docs, List<ClusterSettings> grid, List<SemanticSignal> signals,
                                 TermAnalyzer analyzer) {
        Map<String, Integer> topicOrder = new LinkedHashMap<>();
        docs.forEach(d -> topicOrder.putIfAbsent(d.topic(), topicOrder.size()));
        if (topicOrder.size() < 2) {
            throw new IllegalArgumentException("cross-validation needs at least two topics, found " + topicOrder.size());
        }
        List<Labelled> odd = new ArrayList<>();
        List<Labelled> even = new ArrayList<>();
        for (Labelled d : docs) {
            (topicOrder.get(d.topic()) % 2 == 0 ? odd : even).add(d);
        }
        // Topics in order of appearance are numbered from 1, so the first topic is "odd".
        return List.of(fold("odd topics", odd, "even topics", even, grid, signals, analyzer),
                fold("even topics", even, "odd topics", odd, grid, signals, analyzer));
    }

    private static Fold fold(String tuneName, List<Labelled> tune, String heldName, List<Labelled> held,
                             List<ClusterSettings> grid, List<SemanticSignal> signals, TermAnalyzer analyzer) {
        ClusterSettings best = null;
        SemanticSignal bestSignal = null;
        ClusterScores bestScores = null;
        for (SemanticSignal signal : signals) {
            for (ClusterSettings s : grid) {
                ClusterScores scores = score(tune, s, signal, analyzer);
                if (bestScores == null || scores.pairF1() > bestScores.pairF1()) {
                    best = s;
                    bestSignal = signal;
                    bestScores = scores;
                }
            }
        }
        return new Fold(tuneName, heldName, best, bestSignal, bestScores, score(held, best, bestSignal, analyzer));
    }

    /** Runs the stream over the documents in order and scores the assignments after repairs. */
    public static ClusterScores score(List<Labelled> docs, ClusterSettings settings, TermAnalyzer analyzer) {
        return score(docs, settings, SemanticSignal.NONE, analyzer);
    }

    public static ClusterScores score(List<Labelled> docs, ClusterSettings settings, SemanticSignal signal,
                                      TermAnalyzer analyzer) {
        StreamRun run = StreamRun.of(docs.stream().map(Labelled::doc).toList(), settings, analyzer, signal);
        return ClusterScores.score(docs.stream().map(Labelled::story).toList(), run.finalStory());
    }
}
