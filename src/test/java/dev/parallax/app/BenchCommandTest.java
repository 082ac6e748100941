package dev.parallax.app;

import static dev.parallax.app.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.Seeds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    @Test
    @DisplayName("bench delivery runs channels through the scheduler and outbox to the loopback platform and reports rates and memory")
    void benchDelivery() {
        CommandRun r = run("bench", "delivery", "--channels", "5", "--folder", Seeds.folder().toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("5 channels").contains("5 articles in 1 stories; 10 messages posted")
                .containsPattern("built: all 5 digests after [0-9.]+ s")
                .containsPattern("delivered: every message confirmed after [0-9.]+ s: [0-9]+ channels/min")
                .containsPattern("peak heap used \\(sampled\\): [0-9]+ MB");
    }
}
