package dev.parallax.summarize;

import dev.parallax.model.Article;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Extractive multi-source summary: sentences from every outlet scored by closeness to the story's
 * centroid and by lead position, chosen with maximal marginal relevance so that they cover the
 * story without repeating, and each attributed to every article that states it. Faithful by
 * construction: every sentence is a source sentence, unchanged.
 */
public final class ExtractiveSummarizer implements StorySummarizer {
    private static final int MIN_WORDS = 8;
    private static final int MAX_WORDS = 55;
    private static final double REDUNDANCY = 0.5;
    private static final double LEAD_WEIGHT = 0.25;
    private static final double SAME_CLAIM_OVERLAP = 0.6;

    private final SentenceSplitter splitter;
    private final TermAnalyzer analyzer;
    private final SummaryBudget budget;

    public ExtractiveSummarizer(SentenceSplitter splitter, TermAnalyzer analyzer, SummaryBudget budget) {
        this.splitter = splitter;
        this.analyzer = analyzer;
        this.budget = budget;
    }

    private record Candidate(String articleId, int articleIndex, int position, double relativePosition,
                             String text, Map<String, Double> vector, Set<String> terms, int words) {
    }

    @Override
    public StorySummary summarize(List<Article> articles) {
        List<Candidate> all = new ArrayList<>();
        for (int a = 0; a < articles.size(); a++) {
            Article article = articles.get(a);
            List<String> sentences = splitter.split(article.body());
            for (int p = 0; p < sentences.size(); p++) {
                String text = sentences.get(p);
                int words = text.split("\\s+").length;
                List<String> terms = analyzer.terms(text);
                all.add(new Candidate(article.id(), a, p, p / (double) Math.max(1, sentences.size()), text,
                        termFrequencies(terms), new HashSet<>(terms), words));
            }
        }
        Map<String, Double> idf = inverseFrequencies(all);
        all.forEach(c -> weigh(c.vector, idf));
        Map<String, Double> centroid = centroid(all, articles.size());

        List<Candidate> eligible = all.stream().filter(ExtractiveSummarizer::isSummaryMaterial).toList();
        Map<Candidate, Double> relevance = new HashMap<>();
        for (Candidate c : eligible) {
            double lead = 1.0 / (1 + c.position);
            relevance.put(c, cosine(c.vector, centroid) + LEAD_WEIGHT * lead);
        }
        List<Candidate> chosen = selectWithMmr(eligible, relevance);
        chosen.sort(Comparator.comparingDouble(Candidate::relativePosition).thenComparingInt(Candidate::articleIndex));

        List<SummarySentence> sentences = new ArrayList<>();
        for (Candidate c : chosen) {
            sentences.add(new SummarySentence(c.text, attribution(c, all)));
        }
        return new StorySummary(headline(articles, centroid, chosen), sentences);
    }

    private List<Candidate> selectWithMmr(List<Candidate> eligible, Map<Candidate, Double> relevance) {
        List<Candidate> chosen = new ArrayList<>();
        int words = 0;
        List<Candidate> pool = new ArrayList<>(eligible);
        while (!pool.isEmpty() && chosen.size() < budget.maxSentences()) {
            Candidate best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Candidate c : pool) {
                double redundancy = 0;
                for (Candidate s : chosen) {
                    redundancy = Math.max(redundancy, cosine(c.vector, s.vector));
                }
                double score = (1 - REDUNDANCY) * relevance.get(c) - REDUNDANCY * redundancy;
                if (score > bestScore) {
                    best = c;
                    bestScore = score;
                }
            }
            pool.remove(best);
            if (words + best.words > budget.maxWords() && !chosen.isEmpty()) {
                continue;
            }
            chosen.add(best);
            words += best.words;
        }
        return chosen;
    }

    // Every article with a sentence that states the same thing (most content words shared) backs it.
    private static List<String> attribution(Candidate chosen, List<Candidate> all) {
        Set<String> sources = new LinkedHashSet<>();
        sources.add(chosen.articleId);
        for (Candidate c : all) {
            if (!c.articleId.equals(chosen.articleId) && overlap(chosen.terms, c.terms) >= SAME_CLAIM_OVERLAP) {
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

    private String headline(List<Article> articles, Map<String, Double> centroid, List<Candidate> chosen) {
        String best = "";
        double bestScore = -1;
        for (Article a : articles) {
            if (a.title().isBlank()) {
                continue;
            }
            Map<String, Double> v = termFrequencies(analyzer.terms(a.title()));
            double score = cosine(v, centroid);
            if (score > bestScore) {
                best = a.title();
                bestScore = score;
            }
        }
        if (!best.isEmpty() || chosen.isEmpty()) {
            return best;
        }
        String first = chosen.get(0).text;
        return first.length() <= 120 ? first : first.substring(0, first.lastIndexOf(' ', 117)) + "…";
    }

    private static boolean isSummaryMaterial(Candidate c) {
        String t = c.text.strip();
        return c.words >= MIN_WORDS && c.words <= MAX_WORDS && t.matches("(?s).*[.!”\"’)]$") && !t.endsWith("?")
                && !t.startsWith("“") && !t.startsWith("\"");
    }

    private static Map<String, Double> termFrequencies(List<String> terms) {
        Map<String, Double> tf = new HashMap<>();
        terms.forEach(t -> tf.merge(t, 1.0, Double::sum));
        return tf;
    }

    private static Map<String, Double> inverseFrequencies(List<Candidate> sentences) {
        Map<String, Integer> df = new HashMap<>();
        for (Candidate c : sentences) {
            c.vector.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        Map<String, Double> idf = new HashMap<>();
        int n = sentences.size();
        df.forEach((t, d) -> idf.put(t, Math.log((n + 1.0) / (d + 0.5))));
        return idf;
    }

    private static void weigh(Map<String, Double> vector, Map<String, Double> idf) {
        vector.replaceAll((t, tf) -> (1 + Math.log(tf)) * idf.getOrDefault(t, 0.0));
    }

    // Each article counts once, so a long article does not pull the centre of the story its way.
    private static Map<String, Double> centroid(List<Candidate> all, int articles) {
        Map<Integer, Map<String, Double>> perArticle = new HashMap<>();
        for (Candidate c : all) {
            Map<String, Double> sum = perArticle.computeIfAbsent(c.articleIndex, k -> new HashMap<>());
            c.vector.forEach((t, w) -> sum.merge(t, w, Double::sum));
        }
        Map<String, Double> centroid = new HashMap<>();
        for (Map<String, Double> v : perArticle.values()) {
            double norm = norm(v);
            if (norm > 0) {
                v.forEach((t, w) -> centroid.merge(t, w / norm / Math.max(1, articles), Double::sum));
            }
        }
        return centroid;
    }

    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double na = norm(a);
        double nb = norm(b);
        if (na == 0 || nb == 0) {
            return 0;
        }
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double w = large.get(e.getKey());
            if (w != null) {
                dot += w * e.getValue();
            }
        }
        return dot / (na * nb);
    }

    private static double norm(Map<String, Double> v) {
        double s = 0;
        for (double w : v.values()) {
            s += w * w;
        }
        return Math.sqrt(s);
    }
}
