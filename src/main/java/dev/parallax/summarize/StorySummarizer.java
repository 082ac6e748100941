package dev.parallax.summarize;

import dev.parallax.model.Article;
import java.util.List;

/** Condenses the articles of one story into a headline and a few attributed sentences. */
public interface StorySummarizer {
    StorySummary summarize(List<Article> articles);
}
