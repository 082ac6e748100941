package dev.parallax;

import dev.parallax.claims.ClaimExtractor;
import dev.parallax.claims.Divergence;
import dev.parallax.digest.StoryAnalyzer;
import dev.parallax.digest.StoryBrief;
import dev.parallax.model.Article;
import dev.parallax.summarize.ExtractiveSummarizer;
import dev.parallax.summarize.SummaryBudget;
import dev.parallax.text.PosTagger;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.TermAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The seed articles analysed into one real story brief, built once per test run. */
public final class SeedStories {
    public static final String ID = "s5eed0001";
    private static StoryBrief brief;

    private SeedStories() {
    }

    public static synchronized StoryBrief brief() {
        if (brief == null) {
            try {
                Path dir = Files.createTempDirectory("parallax-seed-story");
                TestApp app = new TestApp(dir);
                List<Article> articles = app.articles.byIds(app.ingest.ingest(List.of(Seeds.folder())).articleIds());
                SentenceSplitter splitter = new SentenceSplitter();
                StoryAnalyzer analyzer = new StoryAnalyzer(
                        new ExtractiveSummarizer(splitter, new TermAnalyzer(), SummaryBudget.chat()),
                        new ClaimExtractor(splitter, new PosTagger()));
                brief = analyzer.brief(ID, articles);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return brief;
    }

    /** The seed story with thirty divergences of long quotes ("big"): more than one Discord message. */
    public static StoryBrief big() {
        StoryBrief story = brief();
        String longQuote = String.join(" ", story.divergences().get(0).values().get(0).quotes()).repeat(3);
        List<Divergence> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            List<Divergence.Side> sides = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                Article a = story.articles().get(s);
                sides.add(new Divergence.Side("value " + i + "-" + s, List.of(a.id()),
                        List.of("(" + i + "/" + s + ") " + longQuote)));
            }
            many.add(new Divergence("claim number " + i, sides));
        }
        return new StoryBrief("big", story.headline(), story.articles(), story.summary(), story.agreements(), many);
    }
}
