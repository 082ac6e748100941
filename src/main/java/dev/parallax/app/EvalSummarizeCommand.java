package dev.parallax.app;

import dev.parallax.model.Article;
import dev.parallax.summarize.ExtractiveSummarizer;
import dev.parallax.summarize.Rouge;
import dev.parallax.summarize.StorySummarizer;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.TermAnalyzer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parallax eval summarize}: ROUGE F1 of the extractive summary body against NeuS reference summaries. */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Summarise NeuS-style stories and score the summary body with ROUGE F1.")
final class EvalSummarizeCommand implements Callable<Integer> {
    @ParentCommand
    EvalCommand eval;

    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, description = "e.g. ../shared/data/neus-val.source")
    Path source;

    @Option(names = "--target", required = true, description = "e.g. ../shared/data/neus-val.target")
    Path target;

    @Option(names = "--lines", description = "only these 1-based lines, e.g. 1-154 (tuning half) or 155-307")
    String lines;

    @Override
    public Integer call() {
        List<String> sources = NeusFormat.lines(source);
        List<String> targets = NeusFormat.lines(target);
        if (sources.size() != targets.size()) {
            throw new InputException(source + " has " + sources.size() + " lines but " + target + " has "
                    + targets.size());
        }
        NeusFormat.LineRange range = NeusFormat.LineRange.parse(lines, sources.size());
        double r1 = 0;
        double r2 = 0;
        double rl = 0;
        long words = 0;
        long start = System.nanoTime();
        try (TermAnalyzer analyzer = new TermAnalyzer()) {
            StorySummarizer summarizer = new ExtractiveSummarizer(new SentenceSplitter(), analyzer,
                    eval.main.config().summary());
            for (int line = range.first(); line <= range.last(); line++) {
                List<Article> articles = NeusFormat.articles(sources.get(line - 1), source + ":" + line);
                String body = summarizer.summarize(articles).body();
                Rouge.Scores s = Rouge.score(body, NeusFormat.body(targets.get(line - 1)));
                r1 += s.rouge1();
                r2 += s.rouge2();
                rl += s.rougeL();
                words += body.isBlank() ? 0 : body.split("\\s+").length;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = range.size();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "stories %d (lines %d-%d), %.0f words per summary%n", n, range.first(), range.last(),
                words / (double) n);
        out.printf(Locale.ROOT, "ROUGE-1 F1 %.1f  ROUGE-2 F1 %.1f  ROUGE-L F1 %.1f%n", 100 * r1 / n, 100 * r2 / n,
                100 * rl / n);
        out.printf(Locale.ROOT, "speed   %.1f stories/s (%.2f s)%n", n / seconds, seconds);
        out.flush();
        return 0;
    }
}
