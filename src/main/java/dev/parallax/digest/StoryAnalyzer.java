package dev.parallax.digest;

import dev.parallax.claims.Claim;
import dev.parallax.claims.ClaimComparison;
import dev.parallax.claims.ClaimComparer;
import dev.parallax.claims.ClaimExtractor;
import dev.parallax.model.Article;
import dev.parallax.summarize.StorySummarizer;
import dev.parallax.summarize.StorySummary;
import java.util.List;

/** Builds the brief of one story from its articles: summary, then claims compared across sources. */
public final class StoryAnalyzer {
    private final StorySummarizer summarizer;
    private final ClaimExtractor extractor;
    private final ClaimComparer comparer = new ClaimComparer();

    public StoryAnalyzer(StorySummarizer summarizer, ClaimExtractor extractor) {
        this.summarizer = summarizer;
        this.extractor = extractor;
    }

    /** The claims of the articles, for callers that also keep them. */
    public List<Claim> claims(List<Article> articles) {
        return extractor.extract(articles);
    }

    public StoryBrief brief(String storyId, List<Article> articles) {
        return brief(storyId, articles, claims(articles));
    }

    public StoryBrief brief(String storyId, List<Article> articles, List<Claim> claims) {
        StorySummary summary = summarizer.summarize(articles);
        ClaimComparison comparison = comparer.compare(claims);
        return new StoryBrief(storyId, summary.headline(), articles, summary.sentences(), comparison.agreements(),
                comparison.divergences());
    }
}
