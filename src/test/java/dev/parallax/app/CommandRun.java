package dev.parallax.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One {@code parallax} command line run in process through {@link Main#run}: its exit code and what it printed. */
public record CommandRun(int exit, String out, String err) {
    public static CommandRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandRun(exit, out.toString(), err.toString());
    }
}
