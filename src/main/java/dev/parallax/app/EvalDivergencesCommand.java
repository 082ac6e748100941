package dev.parallax.app;

import dev.parallax.claims.ClaimComparer;
import dev.parallax.claims.ClaimComparison;
import dev.parallax.claims.ClaimExtractor;
import dev.parallax.claims.Divergence;
import dev.parallax.model.Article;
import dev.parallax.text.PosTagger;
import dev.parallax.text.SentenceSplitter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parallax eval divergences}: every divergence found in a NeuS-style file, with each side's
 * outlets and quoted sentence, for a reader to confirm or reject. The count closes the list.
 */
@Command(name = "divergences", mixinStandardHelpOptions = true,
        description = "List the divergences found across the outlets of each line of a NeuS-style file.")
final class EvalDivergencesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, description = "e.g. ../shared/data/neus-val.source")
    Path source;

    @Option(names = "--lines", description = "only these 1-based lines, e.g. 1-154")
    String lines;

    @Override
    public Integer call() {
        List<String> all = NeusFormat.lines(source);
        NeusFormat.LineRange range = NeusFormat.LineRange.parse(lines, all.size());
        ClaimExtractor extractor = new ClaimExtractor(new SentenceSplitter(), new PosTagger());
        ClaimComparer comparer = new ClaimComparer();
        PrintWriter out = spec.commandLine().getOut();
        int found = 0;
        int stories = 0;
        long start = System.nanoTime();
        for (int line = range.first(); line <= range.last(); line++) {
            List<Article> articles = NeusFormat.articles(all.get(line - 1), source + ":" + line);
            ClaimComparison comparison = comparer.compare(extractor.extract(articles));
            if (!comparison.divergences().isEmpty()) {
                stories++;
            }
            for (Divergence d : comparison.divergences()) {
                found++;
                out.printf(Locale.ROOT, "line %d: %s%n", line, d.about());
                for (Divergence.Side side : d.values()) {
                    out.printf(Locale.ROOT, "  %s %s: “%s”%n", side.value(), side.sources(), side.quotes().get(0));
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%d divergences in %d of %d stories (%.2f s)%n", found, stories, range.size(), seconds);
        out.flush();
        return 0;
    }
}
