package dev.parallax.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RougeTest {
    @Test
    @DisplayName("worked example: 'the cat sat on the mat' against 'the cat is on the mat'")
    void workedExample() {
        // Unigrams: 5 of 6 match (the x2, cat, on, mat) -> P = R = 5/6.
        // Bigrams: "the cat", "on the", "the mat" match 3 of 5 -> 0.6.
        // LCS: the cat on the mat = 5 -> 5/6.
        Rouge.Scores s = Rouge.score("The cat sat on the mat.", "the cat is on the mat");

        assertThat(s.rouge1()).isCloseTo(5 / 6.0, within(1e-9));
        assertThat(s.rouge2()).isCloseTo(0.6, within(1e-9));
        assertThat(s.rougeL()).isCloseTo(5 / 6.0, within(1e-9));
    }

    @Test
    @DisplayName("nothing in common, or an empty side, scores zero")
    void zero() {
        assertThat(Rouge.score("alpha beta", "gamma delta").rouge1()).isZero();
        assertThat(Rouge.score("", "gamma delta").rougeL()).isZero();
    }
}
