package dev.parallax.app;

import dev.parallax.cluster.ClusterDocument;
import dev.parallax.cluster.ClusterScores;
import dev.parallax.cluster.ClusterSettings;
import dev.parallax.cluster.LeaveOneTopicOut;
import dev.parallax.cluster.StreamRun;
import dev.parallax.cluster.TopicCrossValidation;
import dev.parallax.text.TermAnalyzer;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code parallax eval cluster --gold F}: stream-clusters a gold file in order and scores it; optionally also
 * by topic cross-validation ({@code --cv}, {@code --repeats}, {@code --leave-topic-out}), on a given split
 * ({@code --tune-on}) and on shorter streams of its topics ({@code --short-streams}).
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Stream-cluster a gold JSONL file (doc_id, story_label, text) in order and score it.")
final class EvalClusterCommand implements Callable<Integer> {
    @ParentCommand
    EvalCommand eval;

    @Spec
    CommandSpec spec;

    @Option(names = "--gold", required = true, description = "gold JSONL, e.g. ../shared/data/ecbplus-dev.jsonl"
            + " (or a NeuS file with --neus)")
    Path gold;

    @Option(names = "--cv", description = "also cross-validate by topic (needs a \"topic\" field): tune on alternate"
            + " topics, score on the others, both ways")
    boolean crossValidate;

    @Option(names = "--neus", description = "the gold file is a NeuS .source file (e.g."
            + " ../shared/data/neus-val.source): each line one story, each outlet on it one article, in line order")
    boolean neus;

    @Option(names = "--leave-topic-out", description = "also leave one topic out at a time (needs a \"topic\""
            + " field): tune on all the other topics, score on it, pool the held-out pairs")
    boolean leaveTopicOut;

    @Option(names = "--nest-hold", split = ",", paramLabel = "V", description = "with --leave-topic-out, also choose"
            + " straggler_hold per fold among the configured value and these (e.g. 0,0.3,0.7): the value whose grid"
            + " choices do best in a leave-one-topic-out inside the tuning topics")
    List<Double> nestedHolds = List.of();

    @Option(names = "--repeats", paramLabel = "N", description = "with --cv, also N random halvings of the topics"
            + " (each tuned and scored both ways): the mean and spread of the held-out scores")
    int repeats;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the random halvings and short streams"
            + " (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--tune-on", paramLabel = "FIELD=VALUE", description = "also tune on the lines whose FIELD is"
            + " VALUE and score on the rest, e.g. split_cybulska_vossen_2015=train (ECB+'s own split)")
    String tuneOn;

    @Option(names = "--short-streams", paramLabel = "K", description = "also stream random sets of K topics, each on"
            + " its own, with the configured settings: the mean and spread of their scores")
    int shortStreamTopics;

    @Option(names = "--draws", defaultValue = "30", paramLabel = "N", description = "with --short-streams, how many"
            + " sets of topics (default ${DEFAULT-VALUE})")
    int draws;

    @Override
    public Integer call() {
        if (repeats < 0 || repeats > 0 && !crossValidate) {
            throw new InputException(repeats < 0
                    ? "--repeats must not be negative: " + repeats : "--repeats needs --cv");
        }
        if (shortStreamTopics < 0 || draws < 1) {
            throw new InputException(draws < 1 ? "--draws must be at least 1: " + draws
                    : "--short-streams must not be negative: " + shortStreamTopics);
        }
        if (tuneOn != null && (tuneOn.indexOf('=') < 1 || tuneOn.endsWith("="))) {
            throw new InputException("--tune-on must be FIELD=VALUE: " + tuneOn);
        }
        if (!nestedHolds.isEmpty() && !leaveTopicOut) {
            throw new InputException("--nest-hold needs --leave-topic-out");
        }
        if (nestedHolds.stream().anyMatch(h -> !(h >= 0 && h <= 1))) {
            throw new InputException("--nest-hold values must be in [0, 1]: " + nestedHolds);
        }
        if (neus && tuneOn != null) {
            throw new InputException("--tune-on reads a JSONL field; a NeuS file has none");
        }
        boolean byTopic = shortStreamTopics > 0 || crossValidate || leaveTopicOut;
        ClusterGold file = neus ? ClusterGold.neus(gold) : ClusterGold.jsonl(gold, byTopic);
        List<ClusterDocument> docs = file.docs();
        List<String> labels = file.labels();
        ClusterSettings settings = eval.main.config().cluster();
        // Read before the full-file run, so that a bad topic count is refused at once.
        List<TopicCrossValidation.Labelled> labelled = file.labelled();
        if (shortStreamTopics > 0) {
            try {
                TopicCrossValidation.requireStreamTopics(labelled, shortStreamTopics);
            } catch (IllegalArgumentException e) {
                throw new InputException("--short-streams: " + e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (TermAnalyzer analyzer = new TermAnalyzer()) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            StreamRun run = StreamRun.of(docs, settings, analyzer);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            ClusterScores arrival = ClusterScores.score(labels, run.arrivalStory());
            ClusterScores repaired = ClusterScores.score(labels, run.finalStory());
            out.printf(Locale.ROOT, "documents %d, gold stories %d, predicted stories %d (%d merges/splits)%n",
                    repaired.documents(), labels.stream().distinct().count(),
                    run.finalStory().stream().distinct().count(), run.repairs().size());
            print(out, "", repaired);
            print(out, "on arrival (before repairs) ", arrival);
            // Per CPU-second as well: wall-clock rates drop when other processes share the cores.
            out.printf(Locale.ROOT, "speed     %.0f docs/s (%.2f s; %.0f docs per CPU-second, cold JVM), latency %s%n",
                    repaired.documents() / seconds, seconds, repaired.documents() / cpuSeconds,
                    Latency.of(run.nanos()));
            // Built once for whichever of the options below ask for it.
            List<ClusterSettings> grid = tuneOn != null || crossValidate
                    ? TopicCrossValidation.grid(settings) : List.of();
            if (tuneOn != null) {
                tuneOnSplit(file.lines(), docs, labels, grid, analyzer, out);
            }
            if (shortStreamTopics > 0) {
                shortStreams(labelled, settings, analyzer, out);
            }
            if (leaveTopicOut) {
                leaveTopicOut(labelled, holdFamilies(settings), settings, analyzer, out);
            }
            if (crossValidate) {
                crossValidate(labelled, grid, analyzer, out);
                if (repeats > 0) {
                    repeatedHalvings(labelled, grid, analyzer, out);
                }
            }
        }
        out.flush();
        return 0;
    }

    private static void crossValidate(List<TopicCrossValidation.Labelled> labelled, List<ClusterSettings> grid,
                                      TermAnalyzer analyzer, PrintWriter out) {
        out.printf(Locale.ROOT, "cross-validation by topic over %d parameter sets%n", grid.size());
        for (TopicCrossValidation.Fold f : TopicCrossValidation.run(labelled, grid, analyzer)) {
            out.printf(Locale.ROOT, "tuned on %s: %s%n", f.tunedOn(), describe(f.chosen()));
            print(out, "  " + f.tunedOn() + " (tuned)  ", f.tuned());
            print(out, "  " + f.heldOut() + " (held out) ", f.held());
        }
    }

    // The grid once per straggler hold, the configured hold first (it wins a tie).
    private List<List<ClusterSettings>> holdFamilies(ClusterSettings settings) {
        Set<Double> holds = new LinkedHashSet<>();
        holds.add(settings.hold());
        holds.addAll(nestedHolds);
        return holds.stream().map(h -> TopicCrossValidation.grid(settings.withHold(h))).toList();
    }

    // Pooled over topics, then where the held-out choice did worse or better than the configured settings.
    private static void leaveTopicOut(List<TopicCrossValidation.Labelled> labelled,
                                      List<List<ClusterSettings>> families, ClusterSettings settings,
                                      TermAnalyzer analyzer, PrintWriter out) {
        LeaveOneTopicOut.Result r;
        try {
            r = LeaveOneTopicOut.nested(labelled, families, settings, analyzer);
        } catch (IllegalArgumentException e) {
            throw new InputException("--leave-topic-out: " + e.getMessage());
        }
        int topics = r.folds().size();
        out.printf(Locale.ROOT, "leave one topic out: %d folds, each tuned over %d parameter sets on the other %d %s"
                + " and scored on the one left out%n", topics, families.stream().mapToInt(List::size).sum(),
                topics - 1, topics == 2 ? "topic" : "topics");
        if (families.size() > 1) {
            Map<Double, Long> holds = r.folds().stream().collect(Collectors.groupingBy(f -> f.chosen().hold(),
                    TreeMap::new, Collectors.counting()));
            out.printf(Locale.ROOT, "  straggler_hold chosen by an inner leave-one-topic-out: %s%n",
                    holds.entrySet().stream().map(e -> String.format(Locale.ROOT, "%.2f in %d %s", e.getKey(),
                            e.getValue(), e.getValue() == 1 ? "fold" : "folds")).collect(Collectors.joining(", ")));
        }
        print(out, "  held out, pooled ", r.pooled());
        for (LeaveOneTopicOut.Fold f : r.folds()) {
            if (f.wrongPairs() != f.configuredWrongPairs()) {
                out.printf(Locale.ROOT, "  topic %s: %s wrong pairs (configured settings: %s), tuned %s%n", f.topic(),
                        pairs(f.wrongPairs()), pairs(f.configuredWrongPairs()), describe(f.chosen()));
            }
        }
    }

    // Whole, or with the half a pair crossing topics counts for each side.
    private static String pairs(double n) {
        return n == Math.rint(n) ? String.valueOf((long) n) : String.format(Locale.ROOT, "%.1f", n);
    }

    // One line per fold, then the spread: one fixed halving can land a hard topic on either side.
    private void repeatedHalvings(List<TopicCrossValidation.Labelled> labelled, List<ClusterSettings> grid,
                                  TermAnalyzer analyzer, PrintWriter out) {
        out.printf(Locale.ROOT, "random halvings of the topics: %d, seed %d%n", repeats, seed);
        List<TopicCrossValidation.Fold> folds = TopicCrossValidation.repeated(labelled, grid, analyzer, repeats, seed);
        for (TopicCrossValidation.Fold f : folds) {
            ClusterSettings c = f.chosen();
            out.printf(Locale.ROOT, "  tuned on %s (threshold %.2f, name_weight %.2f, protagonist_reports %d): pairwise F1"
                            + " %.3f tuned, %.3f held out; b-cubed F1 %.3f held out%n", f.tunedOn(), c.threshold(),
                    c.nameWeight(), c.protagonistReports(), f.tuned().pairF1(), f.held().pairF1(), f.held().bcubedF1());
        }
        TopicCrossValidation.HeldOut h = TopicCrossValidation.HeldOut.of(folds);
        out.printf(Locale.ROOT, "held out over %d folds: pairwise F1 %s; b-cubed F1 %s%n", h.folds(),
                spread(h.pairF1()), spread(h.bcubedF1()));
    }

    // Tuned on the lines whose field has the value, scored on the others: a corpus's own split.
    private void tuneOnSplit(List<JsonLines.Line> lines, List<ClusterDocument> docs, List<String> labels,
                             List<ClusterSettings> grid, TermAnalyzer analyzer, PrintWriter out) {
        int eq = tuneOn.indexOf('=');
        String field = tuneOn.substring(0, eq);
        String value = tuneOn.substring(eq + 1);
        List<TopicCrossValidation.Labelled> tune = new ArrayList<>();
        List<TopicCrossValidation.Labelled> held = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            // The split is given, so a topic is not needed here.
            TopicCrossValidation.Labelled doc = new TopicCrossValidation.Labelled(docs.get(i), labels.get(i), "");
            (lines.get(i).text(field, true).equals(value) ? tune : held).add(doc);
        }
        TopicCrossValidation.Fold f;
        try {
            f = TopicCrossValidation.split(tuneOn, tune, "the rest", held, grid, analyzer);
        } catch (IllegalArgumentException e) {
            throw new InputException("--tune-on " + tuneOn + ": " + e.getMessage());
        }
        out.printf(Locale.ROOT, "tuned on %s (%s) over %d parameter sets: %s%n", tuneOn, documents(tune.size()),
                grid.size(), describe(f.chosen()));
        print(out, "  " + f.tunedOn() + " (tuned)  ", f.tuned());
        print(out, "  " + f.heldOut() + " (held out, " + documents(held.size()) + ") ", f.held());
    }

    private static String documents(int n) {
        return n + (n == 1 ? " document" : " documents");
    }

    private static String describe(ClusterSettings c) {
        return String.format(Locale.ROOT, "threshold %.2f neighbourhood %.2f straggler_size %d straggler_hold %.2f"
                + " date_weight %.2f name_weight %.2f protagonist_reports %d", c.threshold(), c.neighbourhood(),
                c.straggler(), c.hold(), c.dateWeight(), c.nameWeight(), c.protagonistReports());
    }

    // Nothing is tuned: the configured settings, chosen on this very file, so not a held-out figure.
    private void shortStreams(List<TopicCrossValidation.Labelled> labelled, ClusterSettings settings,
                              TermAnalyzer analyzer, PrintWriter out) {
        List<ClusterScores> scores;
        try {
            scores = TopicCrossValidation.shortStreams(labelled, settings, analyzer, shortStreamTopics, draws, seed);
        } catch (IllegalArgumentException e) {
            throw new InputException("--short-streams: " + e.getMessage());
        }
        out.printf(Locale.ROOT, "short streams of %d %s, configured settings, %d draws, seed %d (not held out if the"
                + " settings were chosen on this file): pairwise F1 %s; b-cubed F1 %s%n", shortStreamTopics,
                shortStreamTopics == 1 ? "topic" : "topics", draws, seed,
                spread(TopicCrossValidation.Spread.of(scores.stream().mapToDouble(ClusterScores::pairF1).toArray())),
                spread(TopicCrossValidation.Spread.of(scores.stream().mapToDouble(ClusterScores::bcubedF1).toArray())));
    }

    private static String spread(TopicCrossValidation.Spread s) {
        return String.format(Locale.ROOT, "mean %.3f (sd %.3f, %.3f-%.3f)", s.mean(), s.sd(), s.min(), s.max());
    }

    private static void print(PrintWriter out, String label, ClusterScores s) {
        out.printf(Locale.ROOT, "%spairwise  P %.3f  R %.3f  F1 %.3f%n", label, s.pairPrecision(), s.pairRecall(),
                s.pairF1());
        out.printf(Locale.ROOT, "%sb-cubed   P %.3f  R %.3f  F1 %.3f%n", label, s.bcubedPrecision(), s.bcubedRecall(),
                s.bcubedF1());
    }
}
