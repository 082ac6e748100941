package dev.parallax.app;

import dev.parallax.cluster.ClusterDocument;
import dev.parallax.cluster.ClusterScores;
import dev.parallax.cluster.StoryClusterer;
import dev.parallax.model.Article;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.TermAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parallax eval cluster|summarize}: scores a stage on public data with our own scorers. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Score a stage against gold data.",
        subcommands = {EvalCommand.Cluster.class, EvalSummarizeCommand.class, EvalDivergencesCommand.class})
final class EvalCommand {
    @ParentCommand
    Main main;

    @Command(name = "cluster", mixinStandardHelpOptions = true,
            description = "Stream-cluster a gold JSONL file (doc_id, story_label, text) in order and score it.")
    static final class Cluster implements Callable<Integer> {
        @ParentCommand
        EvalCommand eval;

        @Spec
        CommandSpec spec;

        @Option(names = "--gold", required = true, description = "gold JSONL, e.g. ../shared/data/ecbplus-dev.jsonl")
        Path gold;

        @Override
        public Integer call() {
            List<JsonLines.Line> lines = JsonLines.read(gold);
            List<ClusterDocument> docs = ArticleLines.clusterDocuments(lines, "doc_id");
            List<String> labels = new ArrayList<>();
            for (JsonLines.Line line : lines) {
                labels.add(line.text("story_label", true));
            }
            List<String> predicted = new ArrayList<>();
            long start = System.nanoTime();
            try (TermAnalyzer analyzer = new TermAnalyzer()) {
                StoryClusterer clusterer = new StoryClusterer(eval.main.config().cluster(), analyzer);
                for (ClusterDocument doc : docs) {
                    predicted.add(clusterer.add(doc));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            ClusterScores s = ClusterScores.score(labels, predicted);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "documents %d, gold stories %d, predicted stories %d%n", s.documents(),
                    labels.stream().distinct().count(), predicted.stream().distinct().count());
            out.printf(Locale.ROOT, "pairwise  P %.3f  R %.3f  F1 %.3f%n", s.pairPrecision(), s.pairRecall(), s.pairF1());
            out.printf(Locale.ROOT, "b-cubed   P %.3f  R %.3f  F1 %.3f%n", s.bcubedPrecision(), s.bcubedRecall(),
                    s.bcubedF1());
            out.printf(Locale.ROOT, "speed     %.0f docs/s (%.2f s)%n", s.documents() / seconds, seconds);
            out.flush();
            return 0;
        }
    }
}
