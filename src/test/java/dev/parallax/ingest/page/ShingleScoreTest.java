package dev.parallax.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShingleScoreTest {
    @Test
    @DisplayName("worked example: 6 gold tokens give 3 shingles; a prediction sharing 2 of its 4 scores P 0.5, R 0.67")
    void workedExample() {
        // gold:  a b c d e f      -> (a b c d) (b c d e) (c d e f)
        // pred:  a b c d e X Y    -> (a b c d) (b c d e) (c d e X) (d e X Y)
        ShingleScore.Page p = ShingleScore.compare("a b c d e f", "a b c d e X Y");

        assertThat(p.matched()).isEqualTo(2);
        assertThat(p.predictedOnly()).isEqualTo(2);
        assertThat(p.goldOnly()).isEqualTo(1);
        assertThat(p.precision()).isEqualTo(0.5);
        assertThat(p.recall()).isCloseTo(2 / 3.0, within(1e-9));
    }

    @Test
    @DisplayName("tokens are \\w+ runs with case kept, and repeated shingles are counted, not deduplicated")
    void caseAndCounts() {
        assertThat(ShingleScore.compare("One two three four", "one two three four").matched()).isZero();
        ShingleScore.Page twice = ShingleScore.compare("w x y z", "w x y z, w x y z");
        assertThat(twice.matched()).isEqualTo(1);
        assertThat(twice.predictedOnly()).isEqualTo(4);
    }

    @Test
    @DisplayName("an empty prediction counts toward recall (as 0) but is left out of the precision mean")
    void emptyPrediction() {
        ShingleScore score = new ShingleScore();
        score.add("a b c d e", "a b c d e");
        score.add("f g h i j", "");

        assertThat(score.precision()).isEqualTo(1.0);
        assertThat(score.recall()).isEqualTo(0.5);
        assertThat(score.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-9));
    }

    @Test
    @DisplayName("a text shorter than four tokens is one shingle of all its tokens")
    void shortText() {
        assertThat(ShingleScore.compare("Hi there", "Hi there").precision()).isEqualTo(1.0);
        assertThat(ShingleScore.compare("Hi there", "Hi").matched()).isZero();
    }
}
