package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parallax.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TopicCrossValidationTest {
    private static final TermAnalyzer ANALYZER = new TermAnalyzer();
    private static final List<ClusterSettings> GRID = List.of(ClusterSettings.defaults(),
            ClusterSettings.defaults().withThreshold(0.3));

    @AfterAll
    static void close() {
        ANALYZER.close();
    }

    private static List<TopicCrossValidation.Labelled> docs() {
        return Articles.fourTopics();
    }

    @Test
    @DisplayName("random halvings: two mirrored folds per split, halves of two topics each, the same for the same seed")
    void repeatedHalvings() {
        List<TopicCrossValidation.Fold> folds = TopicCrossValidation.repeated(docs(), GRID, ANALYZER, 3, 7);
        List<TopicCrossValidation.Fold> again = TopicCrossValidation.repeated(docs(), GRID, ANALYZER, 3, 7);

        assertThat(folds).hasSize(6);
        for (int i = 0; i < folds.size(); i += 2) {
            assertThat(folds.get(i).tunedOn()).isEqualTo(folds.get(i + 1).heldOut()).endsWith("(2 topics)");
            assertThat(folds.get(i).heldOut()).isEqualTo(folds.get(i + 1).tunedOn()).endsWith("(2 topics)");
        }
        assertThat(again).extracting(TopicCrossValidation.Fold::held)
                .isEqualTo(folds.stream().map(TopicCrossValidation.Fold::held).toList());
        assertThat(again).extracting(TopicCrossValidation.Fold::chosen)
                .isEqualTo(folds.stream().map(TopicCrossValidation.Fold::chosen).toList());
    }

    @Test
    @DisplayName("tuning takes the best grid point, the first in grid order on a tie, though the points are scored in parallel")
    void tuningPicksFirstBest() {
        List<TopicCrossValidation.Labelled> tune = docs().stream().filter(d -> !d.topic().equals("t4")).toList();
        List<TopicCrossValidation.Labelled> held = docs().stream().filter(d -> d.topic().equals("t4")).toList();
        List<ClusterSettings> grid = new ArrayList<>();
        for (double threshold : new double[] {0.95, 0.5, 0.15, 0.14, 0.3, 0.05, 0.01}) {
            grid.add(ClusterSettings.defaults().withThreshold(threshold));
        }
        int expected = 0;
        double best = -1;
        for (int i = 0; i < grid.size(); i++) {
            double f1 = TopicCrossValidation.score(tune, grid.get(i), ANALYZER).pairF1();
            if (f1 > best) {
                best = f1;
                expected = i;
            }
        }

        TopicCrossValidation.Fold fold = TopicCrossValidation.split("tune", tune, "held", held, grid, ANALYZER);

        assertThat(fold.chosen()).isEqualTo(grid.get(expected));
        assertThat(fold.tuned().pairF1()).isEqualTo(best);
        assertThat(expected).as("a grid with a tie or a worse first point").isPositive();
    }

    @Test
    @DisplayName("short streams: each draw streams only its own topics with the given settings, the same for the same seed")
    void shortStreams() {
        List<ClusterScores> one = TopicCrossValidation.shortStreams(docs(), ClusterSettings.defaults(), ANALYZER, 1, 6, 5);
        List<ClusterScores> again = TopicCrossValidation.shortStreams(docs(), ClusterSettings.defaults(), ANALYZER, 1, 6, 5);
        List<ClusterScores> three = TopicCrossValidation.shortStreams(docs(), ClusterSettings.defaults(), ANALYZER, 3, 4, 5);

        assertThat(one).hasSize(6).isEqualTo(again);
        // One topic a stream: three reports (a quake topic) or one (the budget), never the whole file.
        assertThat(one).extracting(ClusterScores::documents).allMatch(n -> n == 3 || n == 1);
        assertThat(three).extracting(ClusterScores::documents).allMatch(n -> n == 9 || n == 7);
    }

    @Test
    @DisplayName("short streams need between one topic and all of them, and a draw")
    void shortStreamsRejectBadInput() {
        ClusterSettings s = ClusterSettings.defaults();
        assertThatThrownBy(() -> TopicCrossValidation.shortStreams(docs(), s, ANALYZER, 0, 3, 1))
                .hasMessageContaining("topics per stream must be in [1, 4]: 0");
        assertThatThrownBy(() -> TopicCrossValidation.shortStreams(docs(), s, ANALYZER, 5, 3, 1))
                .hasMessageContaining("topics per stream must be in [1, 4]: 5");
        assertThatThrownBy(() -> TopicCrossValidation.shortStreams(docs(), s, ANALYZER, 2, 0, 1))
                .hasMessageContaining("draws must be at least 1");
    }

    @Test
    @DisplayName("random halvings need a split and two topics")
    void repeatedRejectsBadInput() {
        assertThatThrownBy(() -> TopicCrossValidation.repeated(docs(), GRID, ANALYZER, 0, 1))
                .hasMessageContaining("splits must be at least 1");
        List<TopicCrossValidation.Labelled> oneTopic = docs().stream().filter(d -> d.topic().equals("t1")).toList();
        assertThatThrownBy(() -> TopicCrossValidation.repeated(oneTopic, GRID, ANALYZER, 2, 1))
                .hasMessageContaining("at least two topics, found 1");
    }

    @Test
    @DisplayName("the grid tries the name weight and the protagonist split at the base's settings first (a tie keeps"
            + " them), then the others")
    void gridOrder() {
        List<ClusterSettings> grid = TopicCrossValidation.grid(ClusterSettings.defaults());
        List<ClusterSettings> fromOff = TopicCrossValidation.grid(ClusterSettings.defaults().withProtagonistReports(0));
        List<ClusterSettings> fromHalf = TopicCrossValidation.grid(ClusterSettings.defaults().withNameWeight(0.5));

        assertThat(grid).hasSize(432);
        assertThat(grid.stream().map(ClusterSettings::nameWeight).distinct()).containsExactly(0.65, 0.6, 0.5);
        assertThat(fromHalf.stream().map(ClusterSettings::nameWeight).distinct()).containsExactly(0.5, 0.6);
        assertThat(grid.stream().map(ClusterSettings::protagonistReports).distinct()).containsExactly(5, 3, 0);
        assertThat(fromOff.stream().map(ClusterSettings::protagonistReports).distinct()).containsExactly(0, 5, 3);
    }

    @Test
    @DisplayName("the held-out summary: mean, sample standard deviation, least and greatest")
    void spread() {
        TopicCrossValidation.Spread s = TopicCrossValidation.Spread.of(new double[] {0.90, 0.94, 0.92, 0.88});

        assertThat(s.mean()).isCloseTo(0.91, within(1e-12));
        // Squared deviations 0.0001 + 0.0009 + 0.0001 + 0.0009 = 0.002, over n - 1 = 3.
        assertThat(s.sd()).isCloseTo(Math.sqrt(0.002 / 3), within(1e-12));
        assertThat(s.min()).isEqualTo(0.88);
        assertThat(s.max()).isEqualTo(0.94);
        assertThat(TopicCrossValidation.Spread.of(new double[] {0.5}).sd()).isZero();
    }
}
