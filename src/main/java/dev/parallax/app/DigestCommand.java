package dev.parallax.app;

import dev.parallax.digest.Digest;
import dev.parallax.digest.JsonRenderer;
import dev.parallax.digest.MarkdownRenderer;
import dev.parallax.ingest.IngestReport;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parallax digest [PATH|URL...]}: ingest, cluster, summarise and print the digest. */
@Command(name = "digest", mixinStandardHelpOptions = true,
        description = "Ingest folders, files or feed URLs, cluster them into stories and print the digest.")
final class DigestCommand implements Callable<Integer> {
    enum Format { markdown, json }

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH|URL", description = "folders, files or feed/page URLs (default: seeds/)")
    List<String> paths;

    @Option(names = "--format", defaultValue = "markdown", description = "markdown or json")
    Format format;

    @Override
    public Integer call() {
        Inputs inputs = Inputs.of(paths == null || paths.isEmpty() ? List.of("seeds") : paths);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Parallax app = Parallax.start(main.config(), Clock.systemUTC())) {
            IngestReport report = IngestCommand.read(app, inputs);
            report.warnings().forEach(w -> err.println("parallax: warning: " + w));
            Map<String, String> storyOf = app.clustering.cluster(report.articleIds());
            List<String> storyIds = app.digests.storiesOf(report.articleIds(), storyOf);
            Digest digest = app.digests.build(storyIds);
            String text = format == Format.json ? new JsonRenderer().render(digest) + "\n"
                    : new MarkdownRenderer().render(digest);
            Output.write(null, text, out);
        }
        return 0;
    }
}
