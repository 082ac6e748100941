package dev.parallax.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point: {@code parallax <command>}. */
@Command(name = "parallax", mixinStandardHelpOptions = true, version = "parallax 0.1.0",
        description = "News digests that show where sources diverge.",
        subcommands = {DigestCommand.class, RunCommand.class, ClusterCommand.class, SummarizeCommand.class,
                EvalCommand.class, SourcesCommand.class, IngestCommand.class, BenchCommand.class})
public final class Main {
    @Option(names = "--config", description = "configuration file (default: config/parallax.toml if present)")
    Path config;

    @Option(names = "--db", description = "SQLite database file or JDBC URL, e.g."
            + " jdbc:postgresql://127.0.0.1:5432/parallax?user=parallax (overrides the config)")
    String database;

    ParallaxConfig config() {
        Path file = config != null ? config : Path.of("config", "parallax.toml");
        if (config != null && !Files.isRegularFile(config)) {
            throw new InputException("no such config file: " + config);
        }
        ParallaxConfig loaded = Files.isRegularFile(file) ? ParallaxConfig.load(file) : ParallaxConfig.defaults();
        return database == null ? loaded : loaded.withDatabase(database);
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns the exit code; used by tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException || ex instanceof dev.parallax.ingest.IngestException
                    || ex instanceof IllegalArgumentException || ex instanceof dev.parallax.store.StoreException) {
                err.println("parallax: " + ex.getMessage());
                err.flush();
                return 1;
            }
            throw ex;
        });
        return cli.execute(args);
    }
}
