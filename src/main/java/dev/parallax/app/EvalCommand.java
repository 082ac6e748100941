package dev.parallax.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parallax eval cluster|summarize|divergences|extract|feeds}: scores a stage on public data with our own scorers. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Score a stage against gold data.",
        subcommands = {EvalClusterCommand.class, EvalSummarizeCommand.class, EvalDivergencesCommand.class,
                EvalCommand.Extract.class, EvalCommand.Feeds.class})
final class EvalCommand {
    @ParentCommand
    Main main;

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
