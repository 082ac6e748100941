package dev.parallax.summarize;

import dev.parallax.model.Article;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Extractive multi-source summary. Every outlet's text and headline serves as a pseudo-reference;
 * sentences are added greedily while they raise the summary's agreement with all of them
 * ({@link ConsensusObjective}), within the chat budget. That favours what several outlets state
 * (coverage across sources), penalises repetition and one outlet's asides, and stops by itself.
 * Faithful by construction: every sentence is a source sentence, unchanged, attributed to every
 * article that states it.
 */
public final class ExtractiveSummarizer implements StorySummarizer {
    private static final int MIN_WORDS = 6;
    private static final int MAX_WORDS = 55;
    private static final double SAME_CLAIM_OVERLAP = 0.6;
    private static final int HEADLINE_CHARS = 150;

    private final SentenceSplitter splitter;
    private final TermAnalyzer analyzer;
    private final SummaryBudget budget;

    public ExtractiveSummarizer(SentenceSplitter splitter, TermAnalyzer analyzer, SummaryBudget budget) {
        this.splitter = splitter;
        this.analyzer = analyzer;
        this.budget = budget;
    }

    private record Candidate(String articleId, int articleIndex, double relativePosition, String text,
                             NgramCounts counts, int words) {
    }

    @Override
    public StorySummary summarize(List<Article> articles) {
        List<Candidate> all = new ArrayList<>();
        ConsensusObjective objective = new ConsensusObjective();
        for (int a = 0; a < articles.size(); a++) {
            Article article = articles.get(a);
            objective.addBody(article.body());
            objective.addHeadline(article.title());
            List<String> sentences = splitter.split(article.body());
            for (int p = 0; p < sentences.size(); p++) {
                String text = sentences.get(p);
                all.add(new Candidate(article.id(), a, p / (double) sentences.size(), text, NgramCounts.of(text),
                        text.split("\\s+").length));
            }
        }
        List<Candidate> chosen = select(all.stream().filter(ExtractiveSummarizer::isSummaryMaterial).toList(),
                objective);
        chosen.sort(Comparator.comparingDouble(Candidate::relativePosition).thenComparingInt(Candidate::articleIndex));
        List<SummarySentence> sentences = new ArrayList<>();
        for (Candidate c : chosen) {
            sentences.add(new SummarySentence(c.text, attribution(c, all)));
        }
        return new StorySummary(headline(articles, chosen), sentences);
    }

    // Greedy: the sentence that raises agreement most, until none does or the budget is spent.
    private List<Candidate> select(List<Candidate> eligible, ConsensusObjective objective) {
        List<Candidate> chosen = new ArrayList<>();
        NgramCounts summary = new NgramCounts();
        double current = 0;
        int words = 0;
        while (chosen.size() < budget.maxSentences()) {
            Candidate best = null;
            double bestScore = current;
            for (Candidate c : eligible) {
                if (chosen.contains(c) || words + c.words > budget.maxWords()) {
                    continue;
                }
                double score = objective.score(summary, c.counts);
                if (score > bestScore) {
                    best = c;
                    bestScore = score;
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
            summary.add(best.counts);
            current = bestScore;
            words += best.words;
        }
        return chosen;
    }

    // Every article with a sentence that states the same thing (most content words shared) backs it.
    private List<String> attribution(Candidate chosen, List<Candidate> all) {
        Set<String> sources = new LinkedHashSet<>();
        sources.add(chosen.articleId);
        Set<String> terms = new HashSet<>(analyzer.terms(chosen.text));
        for (Candidate c : all) {
            if (!sources.contains(c.articleId) && overlap(terms, new HashSet<>(analyzer.terms(c.text)))
                    >= SAME_CLAIM_OVERLAP) {
                sources.add(c.articleId);
            }
        }
        return List.copyOf(sources);
    }

    private static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String t : a) {
            if (b.contains(t)) {
                shared++;
            }
        }
        return shared / (double) Math.max(a.size(), b.size());
    }

    // The outlet headline that agrees best with the other outlets' headlines and texts.
    private static String headline(List<Article> articles, List<Candidate> chosen) {
        String best = "";
        double bestScore = -1;
        for (Article a : articles) {
            if (a.title().isBlank()) {
                continue;
            }
            ConsensusObjective others = new ConsensusObjective();
            for (Article o : articles) {
                if (o != a) {
                    others.addBody(o.body());
                    others.addHeadline(o.title());
                }
            }
            double score = others.score(new NgramCounts(), NgramCounts.of(a.title()));
            if (score > bestScore) {
                best = a.title();
                bestScore = score;
            }
        }
        if (best.isEmpty() && !chosen.isEmpty()) {
            best = chosen.get(0).text;
        }
        return shorten(best.strip());
    }

    private static String shorten(String text) {
        if (text.length() <= HEADLINE_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', HEADLINE_CHARS - 1);
        return text.substring(0, cut > 0 ? cut : HEADLINE_CHARS - 1) + "…";
    }

    private static boolean isSummaryMaterial(Candidate c) {
        String t = c.text.strip();
        return c.words >= MIN_WORDS && c.words <= MAX_WORDS && t.matches("(?s).*[.!”\"’)]$") && !t.endsWith("?")
                && !t.startsWith("“") && !t.startsWith("\"");
    }
}
