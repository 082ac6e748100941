package dev.parallax.app;

import static dev.parallax.app.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalSummarizeCommandTest {
    private static final String STORY = "TITLE=> Council approves bike lanes. ARTICLE=> The city council voted 7-2 on"
            + " Tuesday to approve new protected bike lanes on Main Street. Cyclists welcomed the decision. [SEP] "
            + "TITLE=> Bike lanes approved. ARTICLE=> The council approved protected bike lanes on Main Street on"
            + " Tuesday in a 7-2 vote. Construction starts in spring.";
    private static final String OTHER = "TITLE=> Storm hits coast. ARTICLE=> A powerful storm hit the coast on Monday,"
            + " cutting power to thousands of homes and closing schools across the region. [SEP] TITLE=> Storm."
            + " ARTICLE=> Thousands of homes lost power on Monday as a storm hit the coast and schools closed.";

    @TempDir
    Path dir;

    @Test
    @DisplayName("eval summarize scores every line, or only the --lines range")
    void scoresLines() throws Exception {
        Path source = Files.writeString(dir.resolve("s.source"), STORY + "\n" + OTHER + "\n");
        Path target = Files.writeString(dir.resolve("s.target"), "TITLE=> Bike lanes. ARTICLE=> The city council"
                + " approved protected bike lanes on Main Street on Tuesday.\nTITLE=> Storm. ARTICLE=> A storm hit the"
                + " coast on Monday and thousands lost power.\n");

        CommandRun all = run("eval", "summarize", "--source", source.toString(), "--target", target.toString());
        CommandRun second = run("eval", "summarize", "--source", source.toString(), "--target", target.toString(),
                "--lines", "2-2");

        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out()).contains("stories 2 (lines 1-2)").containsPattern("ROUGE-1 F1 [1-9]\\d\\.\\d");
        assertThat(second.out()).contains("stories 1 (lines 2-2)");
    }

    @Test
    @DisplayName("a bad --lines range or mismatched files give a one-line error")
    void badInput() throws Exception {
        Path source = Files.writeString(dir.resolve("s.source"), STORY + "\n");
        Path target = Files.writeString(dir.resolve("s.target"), "TITLE=> x ARTICLE=> y\nTITLE=> x ARTICLE=> z\n");
        Path one = Files.writeString(dir.resolve("one.target"), "TITLE=> x ARTICLE=> y\n");

        CommandRun mismatch = run("eval", "summarize", "--source", source.toString(), "--target", target.toString());
        CommandRun range = run("eval", "summarize", "--source", source.toString(), "--target", one.toString(),
                "--lines", "1-5");

        assertThat(mismatch.exit()).isEqualTo(1);
        assertThat(mismatch.err().strip()).startsWith("parallax: ").contains("has 1 lines but").doesNotContain("\n");
        assertThat(range.exit()).isEqualTo(1);
        assertThat(range.err().strip()).isEqualTo("parallax: --lines 1-5 is outside 1-1");
    }
}
