package dev.parallax.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.Seeds;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    @Test
    @DisplayName("bench delivery runs channels through the scheduler and outbox to the loopback platform and reports rates and memory")
    void benchDelivery() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.run(new String[] {"bench", "delivery", "--channels", "5", "--folder", Seeds.folder().toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("5 channels").contains("5 articles in 1 stories; 10 messages posted")
                .containsPattern("built: all 5 digests after [0-9.]+ s")
                .containsPattern("delivered: every message confirmed after [0-9.]+ s: [0-9]+ channels/min")
                .containsPattern("peak heap used \\(sampled\\): [0-9]+ MB");
    }
}
