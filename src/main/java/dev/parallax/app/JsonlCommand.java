package dev.parallax.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A JSONL-in, JSONL-out command: reads the {@code --in} file, turns its lines into output lines and
 * writes them all at once to {@code --out} or stdout. Subclasses declare {@code --in} with the line shape they read.
 */
abstract class JsonlCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", description = "output file (default: stdout)")
    Path out;

    abstract Path in();

    /** One output line (without its line break) for each input line, in input order. */
    abstract List<String> convert(List<JsonLines.Line> lines);

    @Override
    public final Integer call() {
        StringBuilder text = new StringBuilder();
        convert(JsonLines.read(in())).forEach(line -> text.append(line).append('\n'));
        Output.write(out, text.toString(), spec.commandLine().getOut());
        return 0;
    }
}
