package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AverageLinkageTest {
    // Items 0, 1, 3 are close to each other, 2 and 4 to each other; 3 is only loosely tied to 0.
    private static double[][] matrix() {
        return new double[][] {
            {0, 0.9, 0.1, 0.5, 0.0},
            {0.9, 0, 0.0, 0.6, 0.1},
            {0.1, 0.0, 0, 0.1, 0.8},
            {0.5, 0.6, 0.1, 0, 0.0},
            {0.0, 0.1, 0.8, 0.0, 0},
        };
    }

    @Test
    @DisplayName("groups join while their average similarity clears the bar; groups are numbered by first item")
    void joinsByAverage() {
        int[] groups = AverageLinkage.cluster(matrix(), 0.5);

        assertThat(groups).containsExactly(0, 0, 1, 0, 1);
    }

    @Test
    @DisplayName("the average, not the best pair, decides: a member tied to one side only stays out at a higher bar")
    void averageNotSingleLink() {
        // 3 averages (0.5 + 0.6) / 2 = 0.55 with {0, 1}: in at 0.55, out at 0.56 although 3-1 is 0.6.
        assertThat(AverageLinkage.cluster(matrix(), 0.55)).containsExactly(0, 0, 1, 0, 1);
        assertThat(AverageLinkage.cluster(matrix(), 0.56)).containsExactly(0, 0, 1, 2, 1);
    }

    @Test
    @DisplayName("above every similarity each item is its own group; one item is one group")
    void edges() {
        assertThat(AverageLinkage.cluster(matrix(), 0.95)).containsExactly(0, 1, 2, 3, 4);
        assertThat(AverageLinkage.cluster(new double[][] {{0}}, 0.1)).containsExactly(0);
    }
}
