package dev.parallax.app;

import dev.parallax.ingest.FeedSettings;
import dev.parallax.ingest.PollPolicy;
import dev.parallax.ingest.PollReport;
import dev.parallax.ingest.SourcePollService;
import dev.parallax.ingest.SourceRegistry;
import dev.parallax.store.SourcePollStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parallax bench poll}: one poll cycle over many feeds served from loopback, timed. */
final class PollBench {
    private PollBench() {
    }

    @Command(name = "poll", mixinStandardHelpOptions = true,
            description = "Serve N feeds from a local server, add them, run two poll cycles (new, then 304) and time them.")
    static final class Poll implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @Spec
        CommandSpec spec;

        @Option(names = "--feeds", defaultValue = "1000", description = "feeds to serve (default 1000)")
        int feeds;

        @Option(names = "--entries", defaultValue = "5", description = "entries per feed (default 5)")
        int entries;

        @Option(names = "--no-pages", description = "read only the feeds' own text, not the article pages")
        boolean noPages;

        @Option(names = "--concurrency", defaultValue = "16", description = "requests in flight (default 16)")
        int concurrency;

        @Option(names = "--cluster", description = "also file the new articles into stories, as parallax run does")
        boolean cluster;

        @Override
        public Integer call() throws IOException {
            if (feeds < 1 || entries < 1 || concurrency < 1) {
                throw new InputException("--feeds, --entries and --concurrency must be at least 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            Path dir = Files.createTempDirectory("parallax-bench-");
            StepClock clock = new StepClock(Instant.parse("2025-09-01T09:00:00Z"));
            try (BenchFeedServer server = new BenchFeedServer(entries, 8)) {
                ParallaxConfig base = bench.main.config();
                FeedSettings f = base.feeds();
                // Every feed lives on one loopback host, so the per-host limit is raised to the global one and the
                // per-host interval is off: otherwise the bench would measure the politeness delay, not the poll.
                FeedSettings settings = new FeedSettings(f.interval(), f.maxBackoff(), f.disableAfter(),
                        Math.max(entries, f.maxEntriesPerPoll()), Duration.ofDays(3650), !noPages,
                        new dev.parallax.ingest.http.FetchSettings(f.fetch().userAgent(), f.fetch().connectTimeout(),
                                f.fetch().readTimeout(), f.fetch().maxBodyBytes(), f.fetch().maxRedirects(),
                                concurrency, concurrency, Duration.ZERO, List.of("127.0.0.1/32")));
                ParallaxConfig config = base.withDatabase(dir.resolve("bench.db")).withFeeds(settings);
                try (Parallax app = Parallax.start(config, clock)) {
                    for (int i = 0; i < feeds; i++) {
                        SourceRegistry.AddOutcome added = app.webSources.add(server.base() + "/feed/" + i + ".xml",
                                Optional.empty());
                        if (added instanceof SourceRegistry.AddOutcome.Refused r) {
                            throw new InputException("bench source refused: " + r.reason());
                        }
                    }
                    out.printf(Locale.ROOT, "%d feeds x %d entries on %s, pages %s, concurrency %d%n", feeds, entries,
                            server.base(), noPages ? "off" : "on", concurrency);
                    // The poll service alone, unless --cluster asks for the whole path parallax run takes.
                    SourcePollService polls = cluster ? app.sourcePolls : new SourcePollService(
                            new SourcePollStore(app.database, clock), app.webIngest, PollPolicy.from(settings),
                            concurrency, ids -> { }, clock);
                    cycle(out, "cycle 1 (all new)", polls, feeds);
                    clock.advance(settings.interval().plusSeconds(1));
                    long before = server.notModified.get();
                    cycle(out, "cycle 2 (conditional GET)", polls, feeds);
                    out.printf(Locale.ROOT, "  server answered 304 to %d of %d feeds; %d requests in all%n",
                            server.notModified.get() - before, feeds, server.requests.get());
                }
            } finally {
                BenchCommand.deleteTree(dir);
            }
            out.flush();
            return 0;
        }

        private static void cycle(PrintWriter out, String label, SourcePollService polls, int feeds) {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            PollReport r = polls.pollCycle();
            double wall = (System.nanoTime() - start) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            double pollSeconds = r.elapsed().toNanos() / 1e9;
            out.printf(Locale.ROOT, "%s: %d due, %d read, %d not modified, %d failed, %d new articles%n", label,
                    r.due(), r.read(), r.notModified(), r.failed(), r.articlesAdded());
            out.printf(Locale.ROOT, "  fetch+parse+store %.2f s = %.0f feeds/s, %.0f new articles/s; whole cycle %.2f s;"
                    + " peak heap %d MB%n", pollSeconds, feeds / pollSeconds, r.articlesAdded() / pollSeconds, wall,
                    peak >> 20);
            r.problems().stream().limit(5).forEach(p -> out.println("  problem: " + p));
            BenchCommand.peakResidentKb().ifPresent(kb -> out.printf(Locale.ROOT,
                    "  process peak resident memory so far %d MB%n", kb >> 10));
        }
    }

    /** A clock the benchmark moves forward, so the second cycle finds every feed due again. */
    private static final class StepClock extends Clock {
        private volatile Instant now;

        StepClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
