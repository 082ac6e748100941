package dev.parallax.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parallax.chat.ChatPlatform;
import dev.parallax.chat.console.LoopbackPlatform;
import dev.parallax.ingest.IngestReport;
import dev.parallax.schedule.OutboxDispatcher;
import dev.parallax.schedule.ParallaxScheduler;
import dev.parallax.schedule.QuartzStore;
import dev.parallax.schedule.SourcePoller;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parallax bench delivery}: channels scheduled, built and delivered per minute against a loopback chat server. */
final class DeliveryBench {
    private DeliveryBench() {
    }

    /**
     * N channels whose digest was due ten minutes ago, on a fresh database in a temporary folder,
     * run through the real scheduler (start-up catch-up), digest service and outbox to a chat-like
     * HTTP server on loopback; timed until every message is confirmed.
     */
    @Command(name = "delivery", mixinStandardHelpOptions = true,
            description = "Schedule, build and deliver digests for many channels against a local fake platform.")
    static final class Delivery implements Callable<Integer> {
        private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

        @Spec
        CommandSpec spec;

        @Option(names = "--channels", defaultValue = "1000", description = "channels to serve (default: ${DEFAULT-VALUE})")
        int channels;

        @Option(names = "--folder", defaultValue = "seeds", description = "articles to ingest (default: ${DEFAULT-VALUE})")
        Path folder;

        @Option(names = "--articles", description = "JSONL articles instead ({\"text\"}, e.g. ../shared/data/ecbplus-dev.jsonl)")
        Path articles;

        @Option(names = "--max-articles", defaultValue = "100", description = "articles taken from --articles")
        int maxArticles;

        @Option(names = "--latency-ms", defaultValue = "0", description = "the fake platform's answer time per post")
        long latencyMs;

        @Option(names = "--timeout-s", defaultValue = "600", description = "give up after this long")
        long timeoutS;

        @Override
        public Integer call() throws Exception {
            if (channels < 1) {
                throw new InputException("--channels must be at least 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            Path work = Files.createTempDirectory("parallax-bench-");
            Clock clock = Clock.systemUTC();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            try (Parallax app = Parallax.start(ParallaxConfig.defaults().withDatabase(work.resolve("bench.db")), clock);
                 FakeChatServer server = new FakeChatServer(Duration.ofMillis(latencyMs))) {
                IngestReport ingested = app.folderIngest.ingest(List.of(inbox(work)));
                app.clustering.cluster(ingested.articleIds());
                String dueTenMinutesAgo = HH_MM.format(clock.instant().minus(Duration.ofMinutes(10)));
                for (int i = 0; i < channels; i++) {
                    String address = String.format(Locale.ROOT, "c%05d", i);
                    app.channels.declare("bench:" + address, "bench", address, dueTenMinutesAgo, "UTC", List.of(),
                            List.of());
                    app.channels.skipTo("bench:" + address, clock.instant().minus(Duration.ofHours(1)));
                }
                Map<String, ChatPlatform> platforms = Map.of("bench", new LoopbackPlatform("bench", server.endpoint()));
                OutboxDispatcher dispatcher = app.dispatcher(platforms);
                ParallaxScheduler scheduler = new ParallaxScheduler(app.channelDigests, dispatcher,
                        () -> SourcePoller.PollReport.NOTHING, app.channels, app.outbox, clock,
                        new ParallaxScheduler.Intervals(Duration.ofHours(1), Duration.ofMillis(200), 50),
                        platforms.keySet(), new QuartzStore.InMemory());
                // Loading the language models and analysing each story happen once per process, not per channel.
                long w0 = System.nanoTime();
                app.digests.build(app.stories.changedSince(clock.instant().minus(Duration.ofDays(1))));
                double warmS = seconds(w0);
                System.gc();
                long peakHeap = memory.getHeapMemoryUsage().getUsed();
                long t0 = System.nanoTime();
                scheduler.start();
                double bookedS = seconds(t0);
                double builtS = -1;
                long deadline = t0 + Duration.ofSeconds(timeoutS).toNanos();
                while (System.nanoTime() < deadline) {
                    peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
                    if (builtS < 0 && built(app) == channels) {
                        builtS = seconds(t0);
                    }
                    if (builtS >= 0 && app.outbox.backlog().depth() == 0) {
                        break;
                    }
                    Thread.sleep(50);
                }
                double doneS = seconds(t0);
                scheduler.stop(Duration.ofSeconds(10));
                int stories = app.stories.count();
                long messages = server.posts();
                out.printf(Locale.ROOT, "parallax bench delivery: %d channels, one process, fake platform on loopback"
                        + " (%d ms per post), Java %s, %d cores%n", channels, latencyMs,
                        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
                out.printf(Locale.ROOT, "corpus: %d articles in %d stories; %d messages posted (%.1f per channel,"
                        + " %d KB)%n", ingested.articleIds().size(), stories, messages, messages / (double) channels,
                        server.bytes() / 1024);
                out.printf(Locale.ROOT, "warm-up (language models, first analysis of every story): %.2f s%n", warmS);
                out.printf(Locale.ROOT, "scheduled (triggers booked): %.2f s%n", bookedS);
                out.printf(Locale.ROOT, "built: all %d digests after %.2f s (%.0f channels/min)%n", channels, builtS,
                        channels / builtS * 60);
                out.printf(Locale.ROOT, "delivered: every message confirmed after %.2f s: %.0f channels/min,"
                        + " %.0f messages/s%n", doneS, channels / doneS * 60, messages / doneS);
                out.printf(Locale.ROOT, "peak heap used (sampled): %d MB; peak RSS: %s%n", peakHeap >> 20,
                        BenchCommand.peakResidentKb().map(kb -> (kb >> 10) + " MB").orElse("n/a"));
                out.flush();
                boolean complete = builtS >= 0 && app.outbox.backlog().depth() == 0;
                if (!complete) {
                    spec.commandLine().getErr().println("parallax: bench timed out before every message was delivered");
                }
                return complete ? 0 : 1;
            } finally {
                BenchCommand.deleteTree(work);
            }
        }

        // The articles as a folder: --folder as it is, or --articles lines written out as text files.
        private Path inbox(Path work) throws IOException {
            if (articles == null) {
                return folder;
            }
            Path inbox = Files.createDirectories(work.resolve("inbox"));
            ObjectMapper json = new ObjectMapper();
            List<String> lines;
            try {
                lines = Files.readAllLines(articles);
            } catch (NoSuchFileException e) {
                throw new InputException("no such file: " + articles);
            }
            int n = 0;
            for (int i = 0; i < lines.size() && n < maxArticles; i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(lines.get(i));
                } catch (IOException e) {
                    throw new InputException(articles + ":" + (i + 1) + ": invalid JSON");
                }
                String text = node.path("text").asText("");
                if (!text.isBlank()) {
                    String title = node.path("title").asText("");
                    Files.writeString(inbox.resolve(String.format(Locale.ROOT, "a%05d.txt", n++)),
                            title.isBlank() ? text : title + "\n\n" + text);
                }
            }
            return inbox;
        }

        private static int built(Parallax app) throws SQLException {
            try (Connection c = app.database.connection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM channels WHERE digest_count > 0")) {
                rs.next();
                return rs.getInt(1);
            }
        }

        private static double seconds(long since) {
            return (System.nanoTime() - since) / 1e9;
        }
    }
}
