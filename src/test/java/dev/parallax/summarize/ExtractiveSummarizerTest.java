package dev.parallax.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.model.Article;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.TermAnalyzer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {
    private static final TermAnalyzer ANALYZER = new TermAnalyzer();
    private static final ExtractiveSummarizer SUMMARIZER = new ExtractiveSummarizer(new SentenceSplitter(), ANALYZER,
            SummaryBudget.chat());

    private static final Article LEFT = new Article("left", "Left Daily", "City council approves new bike lanes",
            "", null, """
            The city council voted 7-2 on Tuesday to approve new protected bike lanes on Main Street.
            Cyclists have long complained that the street is one of the most dangerous in the region.
            Our reporter rode the route last summer and found it terrifying at rush hour.""");
    private static final Article CENTRE = new Article("centre", "Centre Wire", "Council approves Main Street bike lanes",
            "", null, """
            The city council approved protected bike lanes on Main Street on Tuesday in a 7-2 vote.
            Construction is expected to start in the spring and cost about $4 million.
            The mayor said the lanes would make the street safer for everyone.""");
    private static final Article RIGHT = new Article("right", "Right Post", "Council backs costly bike lanes",
            "", null, """
            Shop owners fear the new bike lanes on Main Street will take away parking their customers need.
            The council approved the protected bike lanes on Main Street on Tuesday, 7-2, despite objections.
            Construction of the $4 million project is expected to start in the spring.""");

    @AfterAll
    static void close() {
        ANALYZER.close();
    }

    @Test
    @DisplayName("every summary sentence is a source sentence, unchanged, first attributed to the article it comes from")
    void verbatimAndAttributed() {
        // Given three outlets' takes on one council vote
        List<Article> articles = List.of(LEFT, CENTRE, RIGHT);

        // When it is summarised
        StorySummary summary = SUMMARIZER.summarize(articles);

        // Then each sentence stands verbatim in the article it names first, within the chat budget
        assertThat(summary.sentences()).isNotEmpty().hasSizeLessThanOrEqualTo(SummaryBudget.chat().maxSentences());
        assertThat(summary.sentences()).allSatisfy(s -> assertThat(articles.stream()
                .filter(a -> a.id().equals(s.sources().get(0))).findFirst().orElseThrow().body()).contains(s.text()));
        assertThat(summary.body().split("\\s+").length).isLessThanOrEqualTo(SummaryBudget.chat().maxWords());
    }

    @Test
    @DisplayName("the fact every outlet states is in the summary, once, backed by all three; one outlet's aside is not")
    void coverageWithoutRepetition() {
        StorySummary summary = SUMMARIZER.summarize(List.of(LEFT, CENTRE, RIGHT));

        List<SummarySentence> vote = summary.sentences().stream().filter(s -> s.text().contains("7-2")).toList();
        assertThat(vote).hasSize(1);
        assertThat(vote.get(0).sources()).containsExactlyInAnyOrder("left", "centre", "right");
        assertThat(summary.body()).doesNotContain("Our reporter rode the route");
    }

    @Test
    @DisplayName("the headline is the outlet headline that agrees most with the other outlets")
    void headline() {
        StorySummary summary = SUMMARIZER.summarize(List.of(LEFT, CENTRE, RIGHT));

        assertThat(summary.headline()).isIn(LEFT.title(), CENTRE.title()).isNotEqualTo(RIGHT.title());
    }

    @Test
    @DisplayName("a headline too long for a chat message is cut at a word boundary, and a story without titles gets one from its text")
    void headlineFallbacks() {
        Article untitled = new Article("a", "A", "", "", null,
                "Rescue teams reached the stranded hikers on Sunday after a two-day search in the mountains.");
        Article longTitle = new Article("b", "B", "Rescue teams reach stranded hikers ".repeat(8).strip(), "", null,
                "Rescue teams reached the stranded hikers on Sunday after a two-day search.");

        assertThat(SUMMARIZER.summarize(List.of(untitled)).headline()).startsWith("Rescue teams reached");
        String cut = SUMMARIZER.summarize(List.of(longTitle)).headline();
        assertThat(cut).hasSizeLessThanOrEqualTo(150).endsWith("…").doesNotContain("  ");
    }

    @Test
    @DisplayName("an empty story gives an empty summary, not an error")
    void empty() {
        StorySummary summary = SUMMARIZER.summarize(List.of(new Article("x", "X", "", "", null, "")));

        assertThat(summary.sentences()).isEmpty();
        assertThat(summary.headline()).isEmpty();
    }
}
