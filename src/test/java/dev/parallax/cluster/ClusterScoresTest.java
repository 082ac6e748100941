package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClusterScoresTest {
    @Test
    @DisplayName("worked example: gold {a,b,c}{d,e}, predicted {a,b}{c,d,e}")
    void workedExample() {
        // Gold pairs: ab ac bc de (4). Predicted pairs: ab cd ce de (4). Shared: ab de (2): P = R = 0.5.
        // B-cubed precision per doc: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 -> mean 11/15.
        // B-cubed recall per doc:    a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 -> mean 11/15.
        ClusterScores s = ClusterScores.score(List.of("g1", "g1", "g1", "g2", "g2"),
                List.of("p1", "p1", "p2", "p2", "p2"));

        assertThat(s.pairPrecision()).isCloseTo(0.5, within(1e-9));
        assertThat(s.pairRecall()).isCloseTo(0.5, within(1e-9));
        assertThat(s.bcubedPrecision()).isCloseTo(11 / 15.0, within(1e-9));
        assertThat(s.bcubedRecall()).isCloseTo(11 / 15.0, within(1e-9));
        assertThat(s.bcubedF1()).isCloseTo(11 / 15.0, within(1e-9));
    }

    @Test
    @DisplayName("a perfect clustering scores 1 everywhere, whatever the label names")
    void perfect() {
        ClusterScores s = ClusterScores.score(List.of("x", "x", "y"), List.of("s9", "s9", "s1"));

        assertThat(s.pairF1()).isEqualTo(1.0);
        assertThat(s.bcubedF1()).isEqualTo(1.0);
    }
}
