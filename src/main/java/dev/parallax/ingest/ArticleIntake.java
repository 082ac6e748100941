package dev.parallax.ingest;

import dev.parallax.model.Article;
import dev.parallax.store.ArticleStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The one way articles enter the store, whatever they came from (folders, feeds, pages): a copy
 * already seen at the same place is skipped, a near-duplicate of a recent article (the same wire
 * story) becomes a sighting of it, an exact copy is stored once, anything else is inserted.
 * Calls are serialised, so parallel pollers can share one intake.
 */
public final class ArticleIntake {
    static final double NEAR_DUPLICATE_JACCARD = 0.8;
    static final Duration DUPLICATE_WINDOW = Duration.ofDays(7);

    private final ArticleStore articles;
    private final InstantSource clock;
    private NearDuplicateDetector duplicates;

    public ArticleIntake(ArticleStore articles, InstantSource clock) {
        this.articles = articles;
        this.clock = clock;
    }

    /** An article ready to store, with where it was seen and the hash of its text. */
    public record Candidate(Article article, long sourceId, String location, String hash) {
        public static Candidate of(Article article, long sourceId, String location) {
            return new Candidate(article, sourceId, location, ContentHash.of(article.title(), article.body()));
        }
    }

    /** What became of a candidate; every outcome names the stored article it maps to. */
    public sealed interface Outcome {
        String articleId();

        /** A new article. */
        record Added(String articleId) implements Outcome {
        }

        /** This place showed this exact text before. */
        record SeenHere(String articleId) implements Outcome {
        }

        /** The exact text is stored already (from another place); recorded as a sighting. */
        record SameText(String articleId) implements Outcome {
        }

        /** Nearly the same text as a recent article; recorded as a sighting of it. */
        record NearDuplicate(String articleId) implements Outcome {
        }
    }

    public synchronized Outcome take(Candidate c) {
        NearDuplicateDetector detector = detector();
        Optional<String> seen = articles.sightingAt(c.sourceId(), c.location(), c.hash());
        if (seen.isPresent()) {
            return new Outcome.SeenHere(seen.get());
        }
        Optional<String> original = detector.findDuplicate(c.article().fullText());
        if (original.isPresent()) {
            articles.recordSighting(original.get(), c.sourceId(), c.location(), c.hash());
            return new Outcome.NearDuplicate(original.get());
        }
        ArticleStore.InsertOutcome outcome = articles.insert(c.article(), c.sourceId(), c.hash(), c.location());
        if (outcome instanceof ArticleStore.InsertOutcome.Inserted) {
            detector.add(outcome.articleId(), c.article().fullText(), clock.instant());
            return new Outcome.Added(outcome.articleId());
        }
        return new Outcome.SameText(outcome.articleId());
    }

    /** Records that a known article (found by its canonical URL) was seen at another place too. */
    public synchronized void sighting(String articleId, long sourceId, String location, String hash) {
        articles.recordSighting(articleId, sourceId, location, hash);
    }

    // Loaded from the store once, then kept current by take(); old texts age out of the window.
    private NearDuplicateDetector detector() {
        Instant cutoff = clock.instant().minus(DUPLICATE_WINDOW);
        if (duplicates == null) {
            duplicates = new NearDuplicateDetector(NEAR_DUPLICATE_JACCARD);
            for (Article known : articles.ingestedSince(cutoff)) {
                duplicates.add(known.id(), known.fullText(), clock.instant());
            }
        }
        duplicates.forgetBefore(cutoff);
        return duplicates;
    }
}
