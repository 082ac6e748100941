package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProtagonistSplitTest {
    // Two arrests of one team's players, weeks apart: the later reports recall the earlier one, after the lead.
    static final List<String> JACKSON = List.of(
            "Chargers receiver Vincent Jackson was arrested on suspicion of drunk driving in San Diego early Tuesday.",
            "Vincent Jackson of the Chargers failed sobriety tests on a San Diego freeway, the highway patrol said.",
            "The Chargers said Vincent Jackson will play on Sunday despite his arrest for drunk driving in San Diego.",
            "Receiver Vincent Jackson of the Chargers said he was innocent after the drunk driving arrest in San Diego.",
            "San Diego police booked Chargers wide receiver Vincent Jackson for drunk driving before his release.");
    static final List<String> WILLIAMS = List.of(
            "Chargers tackle Jamal Williams was arrested on suspicion of drunk driving in San Diego early Sunday."
                    + " It is the team's second such arrest this month, after Vincent Jackson.",
            "Jamal Williams of the Chargers was pulled over for speeding on a San Diego freeway, the patrol said."
                    + " Receiver Vincent Jackson was arrested last month.",
            "The Chargers said Jamal Williams will face charges after his drunk driving arrest in San Diego."
                    + " Vincent Jackson faced the same charge in January.",
            "Chargers tackle Jamal Williams was booked for drunk driving in San Diego and released on bail."
                    + " Jackson was arrested weeks earlier.",
            "San Diego prosecutors weigh drunk driving charges against Chargers lineman Jamal Williams."
                    + " Teammate Vincent Jackson was charged in January.");
    // One shooting whose suspect is named a day later: the later reports keep the place in their leads.
    static final List<String> EARLY = List.of(
            "A worker opened fire at the Kraft plant in Philadelphia on Thursday, killing two colleagues, police said.",
            "Two people died in a shooting at the Kraft Foods plant in Philadelphia, and a third was wounded.",
            "Police in Philadelphia said a suspended employee shot three co-workers at the Kraft plant.",
            "The Kraft plant in Philadelphia was evacuated after a shooting left two workers dead.",
            "A woman escorted out of the Kraft factory in Philadelphia returned with a gun, police said.");
    static final List<String> LATER = List.of(
            "Yvonne Hiller was charged with murder over the Kraft plant shooting in Philadelphia.",
            "Prosecutors in Philadelphia charged Yvonne Hiller with killing two co-workers at Kraft.",
            "Yvonne Hiller, the Kraft employee accused of the Philadelphia shooting, was held without bail.",
            "Co-workers described Yvonne Hiller, charged in the Kraft shooting in Philadelphia, as quiet.",
            "A judge in Philadelphia ordered Yvonne Hiller held for trial in the Kraft plant killings.");

    private final TermAnalyzer analyzer = new TermAnalyzer();

    @AfterEach
    void close() {
        analyzer.close();
    }

    @Test
    @DisplayName("two protagonists: the reports that never mention the later one's name split from those leading with it")
    void splitsTwoProtagonists() {
        List<ArticleVectors> v = vectors(Stream.concat(JACKSON.stream(), WILLIAMS.stream()).toList());

        int[] split = new ProtagonistSplit(5).split(new int[10], v);

        assertThat(split).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
    }

    @Test
    @DisplayName("a story that gains a name as it unfolds stays whole: its later reports keep the place in their leads")
    void keepsUnfoldingStory() {
        List<ArticleVectors> v = vectors(Stream.concat(EARLY.stream(), LATER.stream()).toList());

        assertThat(new ProtagonistSplit(5).split(new int[10], v)).containsOnly(0);
    }

    @Test
    @DisplayName("too few reports on a side is no evidence; 0 turns the check off; other groups keep their numbers")
    void needsEnoughReports() {
        List<String> texts = new ArrayList<>(JACKSON.subList(0, 4));
        texts.addAll(WILLIAMS.subList(0, 4));
        texts.add(EARLY.get(0));
        List<ArticleVectors> v = vectors(texts);
        int[] group = {0, 0, 0, 0, 0, 0, 0, 0, 1};

        assertThat(new ProtagonistSplit(5).split(group, v)).containsExactly(group);
        assertThat(new ProtagonistSplit(4).split(group, v)).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 2);
        assertThat(new ProtagonistSplit(0).split(new int[10], vectors(Stream.concat(JACKSON.stream(),
                WILLIAMS.stream()).toList()))).containsOnly(0);
    }

    // Vectors as the clusterer makes them, with a lead of 12 words so the recalled name falls after it.
    private List<ArticleVectors> vectors(List<String> texts) {
        FeatureSpace terms = new FeatureSpace();
        FeatureSpace names = new FeatureSpace();
        FeatureExtractor fx = new FeatureExtractor(analyzer, 2.0, 2.0, 12);
        List<ArticleVectors> out = new ArrayList<>();
        for (String text : texts) {
            FeatureExtractor.Counts c = fx.count(new ClusterDocument("x", "", text, null));
            TermCounts t = terms.learn(c.terms());
            TermCounts n = names.learn(c.names());
            int[] lead = c.leadNames().stream().mapToInt(names::known).filter(id -> id >= 0).sorted().toArray();
            out.add(new ArticleVectors(terms.weigh(t), names.weigh(n), t, n, ArticleVectors.NO_DAY, null, lead));
        }
        return out;
    }
}
