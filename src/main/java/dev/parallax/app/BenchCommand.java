package dev.parallax.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code parallax bench ...}: re-runnable speed and memory measurements, one subcommand per stage. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure Parallax on this machine.",
        subcommands = {ClusterBench.Cluster.class, PollBench.Poll.class, DeliveryBench.Delivery.class})
final class BenchCommand {
    @ParentCommand
    Main main;
}
