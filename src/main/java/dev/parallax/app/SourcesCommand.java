package dev.parallax.app;

import dev.parallax.ingest.SourceRegistry;
import dev.parallax.store.SourcePoll;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parallax sources add|list|remove}: the feeds and pages {@code parallax run} polls. */
@Command(name = "sources", mixinStandardHelpOptions = true, description = "Manage the feeds and pages that are polled.",
        subcommands = {SourcesCommand.Add.class, SourcesCommand.ListSources.class, SourcesCommand.Remove.class})
final class SourcesCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    @ParentCommand
    Main main;

    /** A subcommand that opens the application, prints what it did and closes it again. */
    abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        SourcesCommand sources;

        @Spec
        CommandSpec spec;

        abstract void run(Parallax app, PrintWriter out);

        @Override
        public final Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Parallax app = Parallax.start(sources.main.config(), Clock.systemUTC())) {
                run(app, out);
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Poll a feed or page URL.")
    static final class Add extends Subcommand {
        @Parameters(paramLabel = "URL", description = "http or https URL of an RSS, Atom or JSON feed, or a web page (a page that"
                + " announces a feed with <link rel=alternate> is polled as that feed)")
        String url;

        @Option(names = "--interval", paramLabel = "DURATION", description = "poll interval, e.g. 10m (default: [feeds] interval_minutes)")
        String interval;

        @Override
        void run(Parallax app, PrintWriter out) {
            SourceRegistry.AddOutcome outcome = app.webSources.add(url,
                    interval == null ? Optional.empty() : Optional.of(Durations.parse(interval)));
            if (outcome instanceof SourceRegistry.AddOutcome.Refused r) {
                throw new InputException(r.reason());
            }
            SourceRegistry.AddOutcome.Polled polled = (SourceRegistry.AddOutcome.Polled) outcome;
            SourcePoll s = polled.source();
            polled.found().ifPresent(f -> out.println(f.describe()));
            out.printf("%s source %d: %s, every %s%n",
                    outcome instanceof SourceRegistry.AddOutcome.Added ? "added" : "already polled, updated",
                    s.id(), s.url(), Durations.format(s.interval()));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Show every polled source and its state.")
    static final class ListSources extends Subcommand {
        @Override
        void run(Parallax app, PrintWriter out) {
            List<SourcePoll> all = app.webSources.list();
            if (all.isEmpty()) {
                out.println("no sources yet; add one with: parallax sources add URL");
            }
            for (SourcePoll s : all) {
                out.printf("%d  %s  %s  every %s  last %s (%s)  failures %d  next %s%n    %s%n", s.id(), s.kind(),
                        s.disabled() ? "DISABLED" : "active", Durations.format(s.interval()), when(s.lastFetch()),
                        s.lastStatus(), s.failures(), s.disabled() ? "-" : when(s.nextDue()), s.url());
                if (!s.name().isBlank() && !s.name().equals(hostOf(s.url()))) {
                    out.printf("    name: %s%n", s.name());
                }
                if (s.lastError() != null) {
                    out.printf("    last error: %s%n", s.lastError());
                }
                if (s.disabled()) {
                    out.printf("    disabled: %s (sources add the URL again to re-enable)%n", s.disabledReason());
                }
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop polling a source (its articles stay).")
    static final class Remove extends Subcommand {
        @Parameters(paramLabel = "ID", description = "the id shown by sources list")
        long id;

        @Override
        void run(Parallax app, PrintWriter out) {
            if (!app.webSources.remove(id)) {
                throw new InputException("no polled source with id " + id + " (see parallax sources list)");
            }
            out.printf("removed source %d; its articles stay%n", id);
        }
    }

    private static String when(Instant t) {
        return t == null ? "never" : WHEN.format(t);
    }

    private static String hostOf(String url) {
        try {
            return java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
