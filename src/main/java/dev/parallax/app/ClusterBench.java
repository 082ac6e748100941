package dev.parallax.app;

import dev.parallax.cluster.ClusterDocument;
import dev.parallax.cluster.ClusterSettings;
import dev.parallax.cluster.StoryClusterer;
import dev.parallax.cluster.StreamGenerator;
import dev.parallax.text.TermAnalyzer;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parallax bench cluster}: throughput, latency and heap of the stream clusterer as the stream grows. */
final class ClusterBench {
    private ClusterBench() {
    }

    @Command(name = "cluster", mixinStandardHelpOptions = true,
            description = "Replay a real article file (ids and publish times shifted per replay) at growing sizes"
                    + " and report articles/s, per-article latency percentiles and peak heap: the first size in a"
                    + " cold JVM, then (after a discarded warm-up pass) every size warm.")
    static final class Cluster implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @Spec
        CommandSpec spec;

        @Option(names = "--in", defaultValue = "../shared/data/ecbplus-dev.jsonl",
                description = "source JSONL with id/doc_id and text (default: ${DEFAULT-VALUE})")
        Path in;

        @Option(names = "--sizes", split = ",", defaultValue = "1000,10000,100000",
                description = "stream lengths to run, each with a fresh clusterer (default: ${DEFAULT-VALUE})")
        List<Integer> sizes;

        @Option(names = "--warmup", defaultValue = "5000",
                description = "articles clustered and discarded after the cold run, before the warm runs;"
                        + " 0 skips the warm-up and the repeat (default: ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--span-hours", defaultValue = "60",
                description = "hours one replay of the source file is spread over (default: ${DEFAULT-VALUE})")
        int spanHours;

        @Override
        public Integer call() {
            List<JsonLines.Line> lines = JsonLines.read(in);
            String idField = lines.get(0).node().has("id") ? "id" : "doc_id";
            List<ClusterDocument> source = ArticleLines.clusterDocuments(lines, idField);
            ClusterSettings settings = bench.main.config().cluster();
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "source %s: %d articles, replayed a week apart, each replay over %d h;"
                    + " window %d h, max %d active stories; heap limit %d MB%n", in, source.size(), spanHours,
                    settings.window().toHours(), settings.maxActive(), Runtime.getRuntime().maxMemory() >> 20);
            // Wall-clock rates suffer when other processes share the cores; per CPU-second they do not.
            if (sizes.stream().anyMatch(size -> size < 1)) {
                throw new InputException("--sizes must be positive: " + sizes);
            }
            if (warmup < 0) {
                throw new InputException("--warmup must not be negative: " + warmup);
            }
            // cold: the JIT has compiled nothing yet, as after a restart; warm: as in a long-running bot.
            out.println("articles  articles/s  articles/cpu-s  p50 ms  p90 ms  p99 ms  peak heap MB  live heap MB"
                    + "  active stories  jvm");
            try (TermAnalyzer analyzer = new TermAnalyzer()) {
                out.println(run(docs(source, sizes.get(0)), settings, analyzer) + "  cold");
                out.flush();
                if (warmup > 0) {
                    run(docs(source, warmup), settings, analyzer);
                }
                for (int size : warmup > 0 ? sizes : sizes.subList(1, sizes.size())) {
                    out.println(run(docs(source, size), settings, analyzer) + (warmup > 0 ? "  warm" : "  reused"));
                    out.flush();
                }
            }
            return 0;
        }

        private List<ClusterDocument> docs(List<ClusterDocument> source, int size) {
            return StreamGenerator.generate(source, size, Instant.parse("2024-01-01T00:00:00Z"),
                    Duration.ofHours(spanHours));
        }

        private static String run(List<ClusterDocument> docs, ClusterSettings settings, TermAnalyzer analyzer) {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            StoryClusterer clusterer = new StoryClusterer(settings, analyzer);
            long[] nanos = new long[docs.size()];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < docs.size(); i++) {
                long t = System.nanoTime();
                clusterer.add(docs.get(i));
                clusterer.drainRepairs();
                nanos[i] = System.nanoTime() - t;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.gc();
            long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            Latency l = Latency.of(nanos);
            return String.format(Locale.ROOT, "%8d  %10.0f  %14.0f  %6.3f  %6.3f  %6.3f  %12d  %12d  %14d",
                    docs.size(), docs.size() / seconds, docs.size() / cpuSeconds, l.p50(), l.p90(), l.p99(),
                    peak >> 20, live >> 20, clusterer.activeStories());
        }
    }
}
