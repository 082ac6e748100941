package dev.parallax.app;

import dev.parallax.claims.ClaimExtractor;
import dev.parallax.digest.StoryAnalyzer;
import dev.parallax.summarize.ExtractiveSummarizer;
import dev.parallax.summarize.SummaryBudget;
import dev.parallax.text.PosTagger;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.TermAnalyzer;

/** The database-free parts the stage commands (cluster, summarize, eval) need. */
final class Components {
    private Components() {
    }

    static StoryAnalyzer storyAnalyzer(TermAnalyzer analyzer, SummaryBudget budget) {
        SentenceSplitter splitter = new SentenceSplitter();
        return new StoryAnalyzer(new ExtractiveSummarizer(splitter, analyzer, budget),
                new ClaimExtractor(splitter, new PosTagger()));
    }
}
