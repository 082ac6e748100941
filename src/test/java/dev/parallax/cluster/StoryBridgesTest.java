package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StoryBridgesTest {
    private static final String ARTICLE = "Heavy rain flooded the river valley overnight and roads were closed, police said.";
    private static final String JACKMAN_1 = "The Academy named Hugh Jackman host of the Oscars ceremony in Hollywood on Friday.";
    private static final String JACKMAN_2 = "Hugh Jackman will host the Oscars ceremony in Hollywood, the Academy said on Friday.";
    private static final String QUAKE_1 = "A magnitude 6.1 earthquake struck Sumatra on Monday, toppling buildings in Padang.";
    private static final String QUAKE_2 = "The Sumatra earthquake of magnitude 6.1 toppled buildings in Padang on Monday.";

    private final TermAnalyzer analyzer = new TermAnalyzer();
    private final StoryState storyA = new StoryState("a", false);
    private final StoryState storyB = new StoryState("b", false);
    // Item 0 is the new article; the others are recent members of story A (1, 2) and story B (3, 4).
    private final List<StoryState> owner = Arrays.asList(null, storyA, storyA, storyB, storyB);

    @AfterEach
    void close() {
        analyzer.close();
    }

    @Test
    @DisplayName("a fold without the article that does not hold when its members are re-clustered alone is undone")
    void unsupportedFoldIsUndone() {
        int[] checked = check(new int[] {0, 1, 1, 1, 1}, ARTICLE, JACKMAN_1, JACKMAN_2, QUAKE_1, QUAKE_2);

        assertThat(checked).containsExactly(0, 1, 1, 2, 2);
    }

    @Test
    @DisplayName("a fold without the article stands when its members are still one group on their own")
    void supportedFoldStands() {
        int[] checked = check(new int[] {0, 1, 1, 1, 1}, ARTICLE, JACKMAN_1, JACKMAN_2, JACKMAN_2, JACKMAN_1);

        assertThat(checked).containsExactly(0, 1, 1, 1, 1);
    }

    @Test
    @DisplayName("the article's own group may bring stories together: it is the new evidence")
    void articleMayBridge() {
        int[] checked = check(new int[] {0, 0, 0, 0, 0}, ARTICLE, JACKMAN_1, JACKMAN_2, QUAKE_1, QUAKE_2);

        assertThat(checked).containsExactly(0, 0, 0, 0, 0);
    }

    private int[] check(int[] group, String... texts) {
        FeatureSpace terms = new FeatureSpace();
        FeatureSpace names = new FeatureSpace();
        FeatureExtractor fx = new FeatureExtractor(analyzer, 2.0, 2.0, 50);
        List<ArticleVectors> vectors = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            FeatureExtractor.Counts c = fx.count(new ClusterDocument("d" + i, "", texts[i], null));
            TermCounts t = terms.learn(c.terms());
            TermCounts n = names.learn(c.names());
            vectors.add(new ArticleVectors(terms.weigh(t), names.weigh(n), t, n, ArticleVectors.NO_DAY));
        }
        Neighbourhood neighbourhood = new Neighbourhood(terms, names, ClusterSettings.defaults());
        return new StoryBridges(neighbourhood).check(group, owner, vectors);
    }
}
