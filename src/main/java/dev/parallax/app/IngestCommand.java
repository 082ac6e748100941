package dev.parallax.app;

import dev.parallax.ingest.IngestReport;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parallax ingest [URL|PATH...]}: one-off read of feeds, pages, folders or files into the store. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read feeds, pages, folders or files once, store new articles and file them into stories.")
final class IngestCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "URL|PATH", description = "feed or page URLs, folders or files")
    List<String> inputs;

    @Override
    public Integer call() {
        Inputs in = Inputs.of(inputs);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Parallax app = Parallax.start(main.config(), Clock.systemUTC())) {
            IngestReport report = read(app, in);
            report.warnings().forEach(w -> err.println("parallax: warning: " + w));
            app.clustering.cluster(report.articleIds());
            out.printf("%d articles (%d new, %d near-duplicates kept as sightings)%n", report.articleIds().size(),
                    report.added(), report.nearDuplicates());
            out.flush();
            err.flush();
        }
        return 0;
    }

    /** Folders and files first (they fail early on bad input), then URLs, merged into one report. */
    static IngestReport read(Parallax app, Inputs in) {
        Set<String> ids = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        int added = 0;
        int near = 0;
        if (!in.paths().isEmpty()) {
            IngestReport r = app.folderIngest.ingest(in.paths());
            ids.addAll(r.articleIds());
            warnings.addAll(r.warnings());
            added += r.added();
            near += r.nearDuplicates();
        }
        if (!in.urls().isEmpty()) {
            IngestReport r = app.webIngest.ingest(in.urls());
            ids.addAll(r.articleIds());
            warnings.addAll(r.warnings());
            added += r.added();
            near += r.nearDuplicates();
        }
        return new IngestReport(List.copyOf(ids), added, near, warnings);
    }
}
