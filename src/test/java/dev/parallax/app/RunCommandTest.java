package dev.parallax.app;

import static dev.parallax.app.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parallax run --once} end to end: folder, database, scheduler services, outbox, console and file channels. */
class RunCommandTest {
    @TempDir
    Path dir;

    private Path config(String consoleSchedule) throws IOException {
        return config(consoleSchedule, "enabled = false");
    }

    private Path config(String consoleSchedule, String ops) throws IOException {
        Path inbox = Seeds.copyTo(dir.resolve("inbox"));
        String toml = """
                [database]
                path = "%s"
                [ingest]
                folders = ["%s"]
                [ops]
                %s
                [[channels]]
                id = "console:stdout"
                schedule = "%s"
                zone = "Europe/London"
                [[channels]]
                id = "file:%s"
                schedule = "0 18 * * 1-5"
                zone = "America/New_York"
                exclude = ["cricket"]
                """.formatted(dir.resolve("parallax.db"), inbox, ops, consoleSchedule, dir.resolve("digests"));
        return Files.writeString(dir.resolve("parallax.toml"), toml);
    }

    private List<Path> digestFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("digests"))) {
            return files.sorted().toList();
        }
    }

    @Test
    @DisplayName("run --once polls the folder, posts a digest to the console and the file channel, and exits; again posts nothing new")
    void onceEndToEnd() throws Exception {
        Path config = config("08:00");

        CommandRun first = run("--config", config.toString(), "run", "--once");
        List<Path> filesAfterFirst = digestFiles();
        CommandRun second = run("--config", config.toString(), "run", "--once");
        Files.writeString(dir.resolve("inbox/900_floods.txt"), Seeds.UNRELATED_ARTICLE);
        CommandRun third = run("--config", config.toString(), "run", "--once");

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("# Parallax digest: 1 story")
                .contains("(`").contains("5 outlets").contains("Where sources diverge");
        assertThat(first.err()).contains("polled 1 sources (0 failed), 5 new articles; 2 digests queued;"
                + " 4 messages handled, 0 still waiting");
        assertThat(filesAfterFirst).hasSize(2);
        assertThat(filesAfterFirst.get(0).getFileName().toString()).contains("-header-");
        assertThat(Files.readString(filesAfterFirst.get(1))).contains("Where sources diverge");

        assertThat(second.exit()).isZero();
        assertThat(second.out()).doesNotContain("# Parallax digest");
        assertThat(second.err()).contains("0 new articles; 2 digests queued; 0 messages handled");

        assertThat(third.out()).contains(": 1 story").containsIgnoringCase("flood").doesNotContain("Putin");
        assertThat(digestFiles()).hasSize(4).containsAll(filesAfterFirst);
    }

    @Test
    @DisplayName("a bad schedule in the config is one clear line and exit 1, before anything runs")
    void badScheduleInConfig() throws Exception {
        Path config = config("25:99");

        CommandRun r = run("--config", config.toString(), "run", "--once");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("parallax: bad value in config").contains("channel console:stdout")
                .contains("HH:MM or a 5-field cron").doesNotContain("\n").doesNotContain("Exception");
        assertThat(dir.resolve("digests")).doesNotExist();
    }

    @Test
    @DisplayName("a health port already in use is one clear line and exit 1, not a stack trace")
    void healthPortTaken() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path config = config("08:00", "port = " + taken.getLocalPort());

            CommandRun r = run("--config", config.toString(), "run");

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err().strip()).startsWith("parallax: cannot serve /healthz on 127.0.0.1:" + taken.getLocalPort())
                    .contains("port = 0").doesNotContain("\n").doesNotContain("at dev.parallax");
        }
    }
}
