package dev.parallax.app;

import static dev.parallax.app.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalDivergencesCommandTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("eval divergences lists each divergence with its outlets and quotes, then the count")
    void listsDivergences() throws Exception {
        Path source = Files.writeString(dir.resolve("s.source"),
                "TITLE=> Summit opens ARTICLE=> The summit was held in Tianjin on Monday. [SEP] "
                        + "TITLE=> Summit ARTICLE=> The summit was held in Shanghai on Monday.\n"
                        + "TITLE=> Vote ARTICLE=> The council voted on Tuesday. [SEP] "
                        + "TITLE=> Vote ARTICLE=> The council voted on Tuesday night.\n");

        CommandRun r = run("eval", "divergences", "--source", source.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("line 1: place of the summit")
                .contains("Tianjin [o1]: “The summit was held in Tianjin on Monday.”")
                .contains("Shanghai [o2]: “The summit was held in Shanghai on Monday.”")
                .doesNotContain("line 2:")
                .containsPattern("1 divergences in 1 of 2 stories \\(\\d+\\.\\d\\d s\\)");
    }
}
