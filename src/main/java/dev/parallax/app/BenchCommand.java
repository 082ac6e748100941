package dev.parallax.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code parallax bench ...}: re-runnable speed and memory measurements, one subcommand per stage. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure Parallax on this machine.",
        subcommands = {ClusterBench.Cluster.class, PollBench.Poll.class, DeliveryBench.Delivery.class})
final class BenchCommand {
    @ParentCommand
    Main main;

    /** Linux only: the kernel's high-water mark of this process's resident memory, in kB; empty elsewhere. */
    static Optional<Long> peakResidentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("\\D+", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the heap figures stand alone
        }
        return Optional.empty();
    }

    /** Removes a bench's temporary folder with everything in it. */
    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
