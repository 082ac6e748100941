package dev.parallax.summarize;

import dev.parallax.text.WordTokenizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counted unigrams and bigrams of lower-cased words: what a ROUGE-1/2 comparison of two texts needs. */
final class NgramCounts {
    final Map<String, Integer> unigrams = new HashMap<>();
    final Map<String, Integer> bigrams = new HashMap<>();
    int words;
    int bigramCount;

    static NgramCounts of(String text) {
        NgramCounts counts = new NgramCounts();
        List<String> w = WordTokenizer.lowerWords(text);
        for (int i = 0; i < w.size(); i++) {
            counts.unigrams.merge(w.get(i), 1, Integer::sum);
            if (i + 1 < w.size()) {
                counts.bigrams.merge(w.get(i) + ' ' + w.get(i + 1), 1, Integer::sum);
            }
        }
        counts.words = w.size();
        counts.bigramCount = Math.max(0, w.size() - 1);
        return counts;
    }

    void add(NgramCounts other) {
        other.unigrams.forEach((g, n) -> unigrams.merge(g, n, Integer::sum));
        other.bigrams.forEach((g, n) -> bigrams.merge(g, n, Integer::sum));
        words += other.words;
        bigramCount += other.bigramCount;
    }

    /** Clipped matches of this text's n-grams in a reference, as if {@code extra} were appended to it. */
    static int overlap(Map<String, Integer> mine, Map<String, Integer> extra, Map<String, Integer> reference) {
        int matched = 0;
        for (Map.Entry<String, Integer> e : mine.entrySet()) {
            int r = reference.getOrDefault(e.getKey(), 0);
            if (r > 0) {
                matched += Math.min(r, e.getValue() + extra.getOrDefault(e.getKey(), 0));
            }
        }
        for (Map.Entry<String, Integer> e : extra.entrySet()) {
            if (!mine.containsKey(e.getKey())) {
                matched += Math.min(reference.getOrDefault(e.getKey(), 0), e.getValue());
            }
        }
        return matched;
    }

    static double f1(int matched, int candidateTotal, int referenceTotal) {
        if (matched == 0 || candidateTotal == 0 || referenceTotal == 0) {
            return 0;
        }
        double p = matched / (double) candidateTotal;
        double r = matched / (double) referenceTotal;
        return 2 * p * r / (p + r);
    }
}
