package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parallax.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NeighbourhoodTest {
    private final TermAnalyzer analyzer = new TermAnalyzer();

    @AfterEach
    void close() {
        analyzer.close();
    }

    // Four reports of two Oscar-host announcements: the topic words are everywhere, the host names are not.
    private static final String[] OSCARS = {
        "The Academy named Hugh Jackman host of the Oscars ceremony in Hollywood, producers said on Friday.",
        "Producers said Hugh Jackman will host the Oscars, the Academy ceremony held each year in Hollywood.",
        "The Academy named Ellen DeGeneres host of the Oscars ceremony in Hollywood, producers said on Friday.",
        "Producers said Ellen DeGeneres will host the Oscars, the Academy ceremony held each year in Hollywood.",
    };

    @Test
    @DisplayName("weighed by their spread over the neighbourhood, shared topic words count less than the names that differ")
    void sharedTermsCountLess() {
        double[][] plain = similarities(ClusterSettings.defaults().withLocalWeight(0), OSCARS, new long[4]);
        double[][] local = similarities(ClusterSettings.defaults().withLocalWeight(1), OSCARS, new long[4]);

        // Same host (0, 1) against other host (0, 2): the gap widens when the shared words are discounted.
        assertThat(local[0][2]).isLessThan(plain[0][2]);
        assertThat(local[0][1] - local[0][2]).isGreaterThan(plain[0][1] - plain[0][2]);
        assertThat(local[0][1]).isGreaterThan(local[0][2]);
    }

    @Test
    @DisplayName("months apart is taken off a pair; a shared week counts only as far as it is rare in the neighbourhood")
    void datesAreContrastEvidence() {
        long may = 15_828;
        long[] twoWeeks = {may, may + 1, may + 200, may + 201};
        long[] oneWeek = {may, may + 1, may + 2, may + 3};
        ClusterSettings s = ClusterSettings.defaults().withDateWeight(0.1);

        double[][] none = similarities(s.withDateWeight(0), OSCARS, new long[] {-1, -1, -1, -1});
        double[][] mixed = similarities(s, OSCARS, twoWeeks);
        double[][] same = similarities(s, OSCARS, oneWeek);

        assertThat(mixed[0][2] - none[0][2]).isCloseTo(-0.1, within(1e-9));
        // Two of four share the week: 0.1 x ln(5.5 / 2.5) / ln(5.5 / 1.5).
        assertThat(mixed[0][1] - none[0][1]).isCloseTo(0.1 * Math.log(5.5 / 2.5) / Math.log(5.5 / 1.5), within(1e-9));
        // All four share it: it says little.
        assertThat(same[0][1] - none[0][1]).isCloseTo(0.1 * Math.log(5.5 / 4.5) / Math.log(5.5 / 1.5), within(1e-9));
    }

    @Test
    @DisplayName("the neighbourhood's groups: two hosts, two stories, where plain weights see one")
    void groupsByEvent() {
        FeatureSpace terms = new FeatureSpace();
        FeatureSpace names = new FeatureSpace();
        List<ArticleVectors> articles = vectors(terms, names, OSCARS, new long[4]);
        ClusterSettings settings = ClusterSettings.defaults().withThreshold(0.4).withAttach(0.3, 1);

        int[] local = new Neighbourhood(terms, names, settings.withLocalWeight(1)).groups(articles);
        int[] plain = new Neighbourhood(terms, names, settings.withLocalWeight(0)).groups(articles);

        assertThat(local).containsExactly(0, 0, 1, 1);
        assertThat(plain).containsExactly(0, 0, 0, 0);
    }

    @Test
    @DisplayName("a straggler joins the larger group unless it is held by mates it is much closer to; a lone one always may")
    void stragglersHeldByTheirMates() {
        // Items 0-4: a story of five. Items 5 and 6: two close reports of another event, each averaging 0.10 with
        // the five. Item 7: alone, averaging 0.06 with them. The bar to attach is 0.3 x 0.15 = 0.045.
        double[][] sim = new double[8][8];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                boolean five = i < 5 && j < 5;
                boolean pair = (i == 5 || i == 6) && (j == 5 || j == 6);
                sim[i][j] = i == j ? 1 : five ? 0.5 : pair ? 0.4 : i == 7 || j == 7 ? 0.06 : 0.10;
            }
        }
        int[] group = {0, 0, 0, 0, 0, 1, 1, 2};
        ClusterSettings settings = ClusterSettings.defaults().withAttach(0.3, 5);

        // 0.10 is under half of 0.4, so the pair stays; with no hold, the larger group takes all.
        assertThat(Neighbourhood.attachStragglers(sim, group, settings.withHold(0.5)))
                .containsExactly(0, 0, 0, 0, 0, 1, 1, 0);
        assertThat(Neighbourhood.attachStragglers(sim, group, settings.withHold(0)))
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 0);
        // 0.10 is at least a quarter of 0.4: the pair goes.
        assertThat(Neighbourhood.attachStragglers(sim, group, settings.withHold(0.25)))
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 0);
    }

    private double[][] similarities(ClusterSettings settings, String[] texts, long[] days) {
        FeatureSpace terms = new FeatureSpace();
        FeatureSpace names = new FeatureSpace();
        List<ArticleVectors> articles = vectors(terms, names, texts, days);
        return new Neighbourhood(terms, names, settings).similarities(articles);
    }

    private List<ArticleVectors> vectors(FeatureSpace terms, FeatureSpace names, String[] texts, long[] days) {
        FeatureExtractor fx = new FeatureExtractor(analyzer, 2.0, 2.0, 50);
        List<ArticleVectors> out = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            FeatureExtractor.Counts c = fx.count(new ClusterDocument("d" + i, "", texts[i], null));
            TermCounts t = terms.learn(c.terms());
            TermCounts n = names.learn(c.names());
            long day = days[i] <= 0 ? ArticleVectors.NO_DAY : days[i];
            out.add(new ArticleVectors(terms.weigh(t), names.weigh(n), t, n, day));
        }
        return out;
    }
}
