package dev.parallax.summarize.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.model.Article;
import dev.parallax.summarize.ExtractiveSummarizer;
import dev.parallax.summarize.StorySummary;
import dev.parallax.summarize.SummaryBudget;
import dev.parallax.summarize.SummarySentence;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.TermAnalyzer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LlmSummarizerTest {
    private static final Article A = new Article("a", "Wire", "Council approves bike lanes", "", null,
            "The city council voted 7-2 on Tuesday to approve protected bike lanes on Main Street. "
                    + "Mayor Ana Ruiz said construction would start in April and cost $4 million.");
    private static final Article B = new Article("b", "Daily", "Main Street gets bike lanes", "", null,
            "Main Street will get protected bike lanes after the council approved them on Tuesday. "
                    + "Shop owners fear the loss of parking.");

    private final FakeOpenAiServer server = new FakeOpenAiServer();
    private final TermAnalyzer analyzer = new TermAnalyzer();
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final ExtractiveSummarizer extractive = new ExtractiveSummarizer(splitter, analyzer, SummaryBudget.chat());
    private final List<String> dropped = new ArrayList<>();
    private final List<String> fallbacks = new ArrayList<>();
    private final SummaryAudit audit = new SummaryAudit() {
        @Override
        public void dropped(String sentence, String reason) {
            dropped.add(reason + ": " + sentence);
        }

        @Override
        public void fellBack(String reason) {
            fallbacks.add(reason);
        }
    };

    @AfterEach
    void stop() {
        server.close();
        analyzer.close();
    }

    private LlmSummarizer summarizer(Duration timeout) {
        LlmSettings settings = new LlmSettings(true, server.baseUrl(), "test-model", timeout);
        return new LlmSummarizer(new OpenAiCompatibleClient(settings, "test-key"), extractive, splitter,
                SummaryBudget.chat(), audit);
    }

    @Test
    @DisplayName("a reply the sources back is the summary, attributed, with an outlet's headline; the key goes as a bearer token")
    void faithfulReply() {
        // Given an endpoint that answers with two sentences whose numbers, days and names are all in the sources
        server.replies("The city council voted 7-2 on Tuesday to approve protected bike lanes on Main Street. "
                + "Mayor Ana Ruiz said construction would start in April and cost $4 million.");

        // When the story is summarised
        StorySummary summary = summarizer(Duration.ofSeconds(10)).summarize(List.of(A, B));

        // Then both sentences stay, each backed by the articles that state it
        assertThat(summary.sentences()).extracting(SummarySentence::text).hasSize(2);
        assertThat(summary.sentences().get(0).sources()).containsExactlyInAnyOrder("a", "b");
        assertThat(summary.sentences().get(1).sources()).containsExactly("a");
        assertThat(summary.headline()).isIn(A.title(), B.title());
        assertThat(dropped).isEmpty();
        assertThat(fallbacks).isEmpty();
        assertThat(server.requests).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer test-key");
            assertThat(r.body()).contains("test-model").contains("Main Street");
        });
    }

    @Test
    @DisplayName("a sentence with a number, date or name no source has is dropped and reported; the rest stays")
    void unsupportedSentencesDropped() {
        server.replies("The council approved protected bike lanes on Main Street on Tuesday. "
                + "The vote was 9-0. "
                + "Construction starts on Friday. "
                + "Governor Jim Hale praised the plan.");

        StorySummary summary = summarizer(Duration.ofSeconds(10)).summarize(List.of(A, B));

        assertThat(summary.sentences()).extracting(SummarySentence::text)
                .containsExactly("The council approved protected bike lanes on Main Street on Tuesday.");
        assertThat(dropped).hasSize(3).anySatisfy(d -> assertThat(d).startsWith("\"9\" is in no source"))
                .anySatisfy(d -> assertThat(d).startsWith("\"Friday\" is in no source"))
                .anySatisfy(d -> assertThat(d).startsWith("\"Governor\" is in no source"));
    }

    @Test
    @DisplayName("an HTTP error, a malformed body or a timeout falls back to the extractive summary")
    void fallbacks() {
        StorySummary expected = extractive.summarize(List.of(A, B));

        server.answers(500, "{\"error\":{\"message\":\"overloaded\"}}");
        StorySummary onError = summarizer(Duration.ofSeconds(10)).summarize(List.of(A, B));
        server.answers(200, "not json");
        StorySummary onGarbage = summarizer(Duration.ofSeconds(10)).summarize(List.of(A, B));
        server.replies("The council approved the lanes on Tuesday.");
        server.delays(3_000);
        StorySummary onTimeout = summarizer(Duration.ofMillis(500)).summarize(List.of(A, B));

        assertThat(List.of(onError, onGarbage, onTimeout)).containsOnly(expected);
        assertThat(fallbacks).hasSize(3);
    }

    @Test
    @DisplayName("when nothing of the reply is backed, the extractive summary is used")
    void nothingBacked() {
        server.replies("Critics in Paris called it a disaster.");

        StorySummary summary = summarizer(Duration.ofSeconds(10)).summarize(List.of(A, B));

        assertThat(summary).isEqualTo(extractive.summarize(List.of(A, B)));
        assertThat(dropped).hasSize(1);
        assertThat(fallbacks).singleElement().asString().contains("no sentence");
    }
}
