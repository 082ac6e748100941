package dev.parallax.digest;

import dev.parallax.claims.Agreement;
import dev.parallax.claims.Divergence;
import dev.parallax.model.Article;
import dev.parallax.summarize.SummarySentence;
import java.util.List;

/** Everything a digest shows about one story. Agreements here are backed by at least two sources. */
public record StoryBrief(String id, String headline, List<Article> articles, List<SummarySentence> summary,
                         List<Agreement> agreements, List<Divergence> divergences) {
}
