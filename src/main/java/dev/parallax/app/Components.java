package dev.parallax.app;

import dev.parallax.claims.ClaimExtractor;
import dev.parallax.digest.StoryAnalyzer;
import dev.parallax.summarize.ExtractiveSummarizer;
import dev.parallax.summarize.StorySummarizer;
import dev.parallax.summarize.SummaryBudget;
import dev.parallax.summarize.llm.LlmSettings;
import dev.parallax.summarize.llm.LlmSummarizer;
import dev.parallax.summarize.llm.OpenAiCompatibleClient;
import dev.parallax.summarize.llm.SummaryAudit;
import dev.parallax.text.PosTagger;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.TermAnalyzer;

/** The database-free parts the stage commands (cluster, summarize, eval) and the application share. */
final class Components {
    private Components() {
    }

    static StoryAnalyzer storyAnalyzer(TermAnalyzer analyzer, SummaryBudget budget, LlmSettings llm) {
        SentenceSplitter splitter = new SentenceSplitter();
        return new StoryAnalyzer(summarizer(splitter, analyzer, budget, llm),
                new ClaimExtractor(splitter, new PosTagger()));
    }

    /** The extractive summarizer, or the LLM one in front of it when {@code [llm] enabled = true}. */
    static StorySummarizer summarizer(SentenceSplitter splitter, TermAnalyzer analyzer, SummaryBudget budget,
                                      LlmSettings llm) {
        StorySummarizer extractive = new ExtractiveSummarizer(splitter, analyzer, budget);
        if (!llm.enabled()) {
            return extractive;
        }
        return new LlmSummarizer(new OpenAiCompatibleClient(llm, System.getenv(LlmSettings.API_KEY_ENV)), extractive,
                splitter, budget, SummaryAudit.logging());
    }
}
