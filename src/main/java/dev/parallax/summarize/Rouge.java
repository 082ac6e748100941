package dev.parallax.summarize;

import dev.parallax.text.WordTokenizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** ROUGE-1, ROUGE-2 and ROUGE-L F1 over lower-cased word tokens, no stemming (the NeuS convention). */
public final class Rouge {
    private Rouge() {
    }

    /** F1 scores in [0, 1]. */
    public record Scores(double rouge1, double rouge2, double rougeL) {
    }

    public static Scores score(String candidate, String reference) {
        List<String> c = WordTokenizer.lowerWords(candidate);
        List<String> r = WordTokenizer.lowerWords(reference);
        return new Scores(ngramF1(c, r, 1), ngramF1(c, r, 2), lcsF1(c, r));
    }

    static double ngramF1(List<String> candidate, List<String> reference, int n) {
        Map<String, Integer> c = ngrams(candidate, n);
        Map<String, Integer> r = ngrams(reference, n);
        int overlap = 0;
        for (Map.Entry<String, Integer> e : c.entrySet()) {
            overlap += Math.min(e.getValue(), r.getOrDefault(e.getKey(), 0));
        }
        int cTotal = Math.max(0, candidate.size() - n + 1);
        int rTotal = Math.max(0, reference.size() - n + 1);
        return f1(overlap, cTotal, rTotal);
    }

    static double lcsF1(List<String> candidate, List<String> reference) {
        int[] prev = new int[reference.size() + 1];
        int[] cur = new int[reference.size() + 1];
        for (String word : candidate) {
            for (int j = 1; j <= reference.size(); j++) {
                cur[j] = word.equals(reference.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return f1(prev[reference.size()], candidate.size(), reference.size());
    }

    private static Map<String, Integer> ngrams(List<String> words, int n) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i + n <= words.size(); i++) {
            out.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
        }
        return out;
    }

    private static double f1(int overlap, int candidateTotal, int referenceTotal) {
        if (overlap == 0 || candidateTotal == 0 || referenceTotal == 0) {
            return 0;
        }
        double p = overlap / (double) candidateTotal;
        double r = overlap / (double) referenceTotal;
        return 2 * p * r / (p + r);
    }
}
