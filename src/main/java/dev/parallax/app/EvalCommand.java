package dev.parallax.app;

import dev.parallax.model.Article;
import dev.parallax.summarize.ExtractiveSummarizer;
import dev.parallax.summarize.Rouge;
import dev.parallax.summarize.StorySummarizer;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.TermAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
        subcommands = {EvalClusterCommand.class, EvalCommand.Summarize.class, EvalCommand.Extract.class,
                EvalCommand.Feeds.class})
final class EvalCommand {
    @ParentCommand
    Main main;

    @Command(name = "summarize", mixinStandardHelpOptions = true,
            description = "Summarise NeuS-style stories and score the summary body with ROUGE F1.")
    static final class Summarize implements Callable<Integer> {
        @ParentCommand
        EvalCommand eval;

        @Spec
        CommandSpec spec;

        @Option(names = "--source", required = true, description = "e.g. ../shared/data/neus-val.source")
        Path source;

        @Option(names = "--target", required = true, description = "e.g. ../shared/data/neus-val.target")
        Path target;

        @Override
        public Integer call() {
            List<String> sources = lines(source);
            List<String> targets = lines(target);
            if (sources.size() != targets.size()) {
                throw new InputException(source + " has " + sources.size() + " lines but " + target + " has "
                        + targets.size());
            }
            double r1 = 0;
            double r2 = 0;
            double rl = 0;
            long start = System.nanoTime();
            try (TermAnalyzer analyzer = new TermAnalyzer()) {
                StorySummarizer summarizer = new ExtractiveSummarizer(new SentenceSplitter(), analyzer,
                        eval.main.config().summary());
                for (int i = 0; i < sources.size(); i++) {
                    List<Article> articles = NeusFormat.articles(sources.get(i), source + ":" + (i + 1));
                    String reference = NeusFormat.body(targets.get(i));
                    Rouge.Scores s = Rouge.score(summarizer.summarize(articles).body(), reference);
                    r1 += s.rouge1();
                    r2 += s.rouge2();
                    rl += s.rougeL();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int n = sources.size();
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "stories %d%n", n);
            out.printf(Locale.ROOT, "ROUGE-1 F1 %.1f  ROUGE-2 F1 %.1f  ROUGE-L F1 %.1f%n", 100 * r1 / n, 100 * r2 / n,
                    100 * rl / n);
            out.printf(Locale.ROOT, "speed   %.1f stories/s (%.2f s)%n", n / seconds, seconds);
            out.flush();
            return 0;
        }

        private static List<String> lines(Path file) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.isEmpty()) {
                    throw new InputException(file + ": empty file");
                }
                return lines;
            } catch (NoSuchFileException e) {
                throw new InputException("no such file: " + file);
            } catch (IOException e) {
                throw new InputException("cannot read " + file + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "extract", mixinStandardHelpOptions = true,
            description = "Extract the main text of benchmark pages and score it (shingle P/R/F1).")
    static final class Extract implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, description = "e.g. ../shared/data/extraction-dev")
        Path dir;

        @Option(names = "--out", description = "write {id: {\"articleBody\": ...}} predictions here")
        Path out;

        @Override
        public Integer call() {
            ExtractionEval.Result r = ExtractionEval.run(dir);
            if (out != null) {
                Output.write(out, r.predictions().toPrettyString() + "\n", null);
            }
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "pages %d (%d with no text found)%n", r.pages(), r.empty());
            w.printf(Locale.ROOT, "shingles  P %.3f  R %.3f  F1 %.3f%n", r.precision(), r.recall(), r.f1());
            w.printf(Locale.ROOT, "speed     %.1f pages/s (%.2f s)%n", r.pages() / r.seconds(), r.seconds());
            w.flush();
            return 0;
        }
    }

    @Command(name = "feeds", mixinStandardHelpOptions = true,
            description = "Parse every feed file under a folder; compare with expected/NAME.json where present.")
    static final class Feeds implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, description = "e.g. ../shared/data/real-feeds-dev")
        Path dir;

        @Option(names = "--verbose", description = "list every disagreement and every file that is not a feed")
        boolean verbose;

        @Override
        public Integer call() {
            if (!Files.isDirectory(dir)) {
                throw new InputException("no such folder: " + dir);
            }
            FeedCorpusEval.Totals t = FeedCorpusEval.run(dir);
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "files %d: %d feeds read, %d not feeds, %d crashes; %d entries, %d warnings%n",
                    t.files(), t.feeds(), t.notFeeds(), t.crashes(), t.entries(), t.warnings());
            w.printf(Locale.ROOT, "compared with expected output: %d feeds%n", t.compared());
            w.printf(Locale.ROOT, "  titles agree %d/%d (%.1f%%), links %d/%d (%.1f%%), dates %d/%d (%.1f%%)%n",
                    t.titleAgree(), t.titleTotal(), pct(t.titleAgree(), t.titleTotal()), t.linkAgree(),
                    t.linkTotal(), pct(t.linkAgree(), t.linkTotal()), t.dateAgree(), t.dateTotal(),
                    pct(t.dateAgree(), t.dateTotal()));
            w.printf(Locale.ROOT, "speed %.0f files/s (%.2f s)%n", t.files() / t.seconds(), t.seconds());
            if (verbose) {
                t.lines().forEach(w::println);
            }
            w.flush();
            return t.crashes() == 0 ? 0 : 1;
        }

        private static double pct(int a, int b) {
            return b == 0 ? 100 : 100.0 * a / b;
        }
    }
}
