package dev.parallax.cluster;

import dev.parallax.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * Honest parameter choice for the clusterer: topics are split in two halves (alternate topics in order
 * of first appearance); parameters are tuned on one half's stream and scored on the other half's, and
 * the reverse. Tuning picks the grid point with the best pairwise F1 after repairs (the first in grid order
 * on a tie; the points are scored in parallel, so the analyzer and any semantic signal must be thread-safe);
 * with several semantic signals (one per blend weight) the grid is searched once per signal.
 *
 * <p>On ECB+ a few topics whose two events one similarity cannot tell apart decide a half's figure, so
 * which topics land on which side moves it by several points. {@link #repeated} draws many seeded random
 * halvings and {@link HeldOut} reports the mean and spread of their held-out scores.
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

    /** Mean, standard deviation and range of held-out scores over folds. */
    public record HeldOut(int folds, Spread pairF1, Spread bcubedF1) {
        public static HeldOut of(List<Fold> folds) {
            if (folds.isEmpty()) {
                throw new IllegalArgumentException("no folds to summarise");
            }
            return new HeldOut(folds.size(), Spread.of(folds.stream().mapToDouble(f -> f.held().pairF1()).toArray()),
                    Spread.of(folds.stream().mapToDouble(f -> f.held().bcubedF1()).toArray()));
        }
    }

    /** Sample mean, standard deviation (n - 1; 0 for one value), least and greatest of some scores. */
    public record Spread(double mean, double sd, double min, double max) {
        public static Spread of(double[] values) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double mean = sum / values.length;
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            double sd = values.length < 2 ? 0 : Math.sqrt(squares / (values.length - 1));
            return new Spread(mean, sd, min, max);
        }
    }

    /**
     * The grid searched: the name weight (the base's first, so a tie keeps it; then 0.6 and 0.5), the
     * protagonist split (the base's setting first; then 5, 3 and off), threshold, neighbourhood bar,
     * straggler size and date weight; the rest from base.
     */
    public static List<ClusterSettings> grid(ClusterSettings base) {
        List<ClusterSettings> out = List.of(base);
        out = expand(out, new LinkedHashSet<>(List.of(base.nameWeight(), 0.6, 0.5)), ClusterSettings::withNameWeight);
        out = expand(out, new LinkedHashSet<>(List.of(base.protagonistReports(), 5, 3, 0)),
                ClusterSettings::withProtagonistReports);
        out = expand(out, List.of(0.13, 0.14, 0.15, 0.16), ClusterSettings::withThreshold);
        out = expand(out, List.of(0.15, 0.20, 0.25), (s, bar) -> s.withNeighbourhood(bar, s.stories(), s.members()));
        out = expand(out, List.of(3, 5), (s, straggler) -> s.withAttach(s.attach(), straggler));
        return expand(out, List.of(0.05, 0.1), ClusterSettings::withDateWeight);
    }

    // Every setting with each value in turn: the settings vary slowest, the values fastest (grid order).
    private static <T> List<ClusterSettings> expand(List<ClusterSettings> settings, Collection<T> values,
                                                    BiFunction<ClusterSettings, T, ClusterSettings> with) {
        List<ClusterSettings> out = new ArrayList<>();
        for (ClusterSettings s : settings) {
            for (T v : values) {
                out.add(with.apply(s, v));
            }
        }
        return out;
    }

    public static List<Fold> run(List<Labelled> docs, List<ClusterSettings> grid, TermAnalyzer analyzer) {
        return run(docs, grid, List.of(SemanticSignal.NONE), analyzer);
    }

    public static List<Fold> run(List<Labelled> docs, List<ClusterSettings> grid, List<SemanticSignal> signals,
                                 TermAnalyzer analyzer) {
        Map<String, Integer> topicOrder = topicOrder(docs);
        List<Labelled> odd = new ArrayList<>();
        List<Labelled> even = new ArrayList<>();
        for (Labelled d : docs) {
            (topicOrder.get(d.topic()) % 2 == 0 ? odd : even).add(d);
        }
        // Topics in order of appearance are numbered from 1, so the first topic is "odd".
        return List.of(fold("odd topics", odd, "even topics", even, grid, signals, analyzer),
                fold("even topics", even, "odd topics", odd, grid, signals, analyzer));
    }

    /**
     * {@code splits} random halvings of the topics, drawn from {@code seed} (the same seed, the same
     * halvings); each is tuned on one half and scored on the other, both ways: 2 x splits folds, in order.
     */
    public static List<Fold> repeated(List<Labelled> docs, List<ClusterSettings> grid, TermAnalyzer analyzer,
                                      int splits, long seed) {
        if (splits < 1) {
            throw new IllegalArgumentException("splits must be at least 1: " + splits);
        }
        List<String> topics = new ArrayList<>(topicOrder(docs).keySet());
        Random random = new Random(seed);
        List<Fold> out = new ArrayList<>();
        for (int s = 1; s <= splits; s++) {
            List<String> shuffled = new ArrayList<>(topics);
            Collections.shuffle(shuffled, random);
            Set<String> first = new HashSet<>(shuffled.subList(0, shuffled.size() / 2));
            List<Labelled> a = new ArrayList<>();
            List<Labelled> b = new ArrayList<>();
            for (Labelled d : docs) {
                (first.contains(d.topic()) ? a : b).add(d);
            }
            String nameA = "split " + s + " half A (" + topicCount(first.size()) + ")";
            String nameB = "split " + s + " half B (" + topicCount(topics.size() - first.size()) + ")";
            List<SemanticSignal> none = List.of(SemanticSignal.NONE);
            out.add(fold(nameA, a, nameB, b, grid, none, analyzer));
            out.add(fold(nameB, b, nameA, a, grid, none, analyzer));
        }
        return out;
    }

    /**
     * {@code draws} random sets of {@code topics} topics (seeded), each streamed on its own with fixed
     * settings and scored: how a figure holds on streams shorter than the whole file. Nothing is tuned
     * here, so this is held out only when the settings were chosen elsewhere.
     */
    public static List<ClusterScores> shortStreams(List<Labelled> docs, ClusterSettings settings, TermAnalyzer analyzer,
                                                   int topics, int draws, long seed) {
        List<String> all = requireStreamTopics(docs, topics);
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be at least 1: " + draws);
        }
        Random random = new Random(seed);
        List<ClusterScores> out = new ArrayList<>();
        for (int d = 0; d < draws; d++) {
            List<String> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, random);
            Set<String> picked = new HashSet<>(shuffled.subList(0, topics));
            out.add(score(docs.stream().filter(l -> picked.contains(l.topic())).toList(), settings, analyzer));
        }
        return out;
    }

    /** The documents' topics, in order of appearance, when a short stream of {@code topics} can be drawn from them. */
    public static List<String> requireStreamTopics(List<Labelled> docs, int topics) {
        List<String> all = topics(docs);
        if (topics < 1 || topics > all.size()) {
            throw new IllegalArgumentException("topics per stream must be in [1, " + all.size() + "]: " + topics);
        }
        return all;
    }

    /** The documents' topics in order of appearance; at least two are needed. */
    static List<String> topics(List<Labelled> docs) {
        return new ArrayList<>(topicOrder(docs).keySet());
    }

    private static String topicCount(int n) {
        return n + (n == 1 ? " topic" : " topics");
    }

    private static Map<String, Integer> topicOrder(List<Labelled> docs) {
        Map<String, Integer> topicOrder = new LinkedHashMap<>();
        docs.forEach(d -> topicOrder.putIfAbsent(d.topic(), topicOrder.size()));
        if (topicOrder.size() < 2) {
            throw new IllegalArgumentException("cross-validation needs at least two topics, found " + topicOrder.size());
        }
        return topicOrder;
    }

    /** One fold on a split given from outside (a corpus's own train and test topics): tuned on one part, scored on the other. */
    public static Fold split(String tuneName, List<Labelled> tune, String heldName, List<Labelled> held,
                             List<ClusterSettings> grid, TermAnalyzer analyzer) {
        if (tune.isEmpty() || held.isEmpty()) {
            throw new IllegalArgumentException("both parts of the split need documents: " + tune.size() + " to tune on, "
                    + held.size() + " held out");
        }
        return fold(tuneName, tune, heldName, held, grid, List.of(SemanticSignal.NONE), analyzer);
    }

    private static Fold fold(String tuneName, List<Labelled> tune, String heldName, List<Labelled> held,
                             List<ClusterSettings> grid, List<SemanticSignal> signals, TermAnalyzer analyzer) {
        ClusterSettings best = null;
        SemanticSignal bestSignal = null;
        ClusterScores bestScores = null;
        for (SemanticSignal signal : signals) {
            // Each grid point is its own stream, so they run on all cores; the choice is made in grid order.
            List<ClusterScores> all = IntStream.range(0, grid.size()).parallel()
                    .mapToObj(i -> score(tune, grid.get(i), signal, analyzer)).toList();
            for (int i = 0; i < grid.size(); i++) {
                ClusterScores scores = all.get(i);
                if (bestScores == null || scores.pairF1() > bestScores.pairF1()) {
                    best = grid.get(i);
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
