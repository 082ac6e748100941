package dev.parallax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the sample articles are, for tests: surefire passes the folder; from an IDE it is seeds/. */
public final class Seeds {
    private Seeds() {
    }

    public static Path folder() {
        return Path.of(System.getProperty("parallax.seeds", "seeds"));
    }

    public static String read(String prefix) {
        try (Stream<Path> files = Files.list(folder())) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the seed files into a folder of the test's own. */
    public static Path copyTo(Path dir) {
        try (Stream<Path> files = Files.list(folder())) {
            Files.createDirectories(dir);
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An article about another event entirely, written for the tests. */
    public static final String UNRELATED_ARTICLE = """
            Heavy rain floods coastal towns in southern Brazil

            Torrential rain flooded dozens of streets in the coastal towns of Rio Grande do Sul on Tuesday, forcing
            hundreds of families to leave their homes as rivers burst their banks.
            The state's civil defence agency said 14 municipalities had declared an emergency and that rescue teams
            were using boats to reach residents stranded on rooftops.
            Meteorologists warned that more rain was expected through the weekend, with rainfall totals of up to
            200 millimetres in some mountain areas.
            Farmers in the region said the floods had destroyed soybean and rice fields weeks before the harvest,
            and the governor asked the federal government for emergency funds to repair roads and bridges.
            Schools in the worst-hit towns were closed and turned into shelters for displaced families.
            """;
}
