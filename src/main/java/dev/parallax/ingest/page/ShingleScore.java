package dev.parallax.ingest.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's metric: {@code \w+} tokens (case kept), counted 4-token
 * shingles, precision and recall per page, then the means over pages (a page whose prediction has
 * no shingle is left out of the precision mean) and F1 as the harmonic mean of the two means.
 */
public final class ShingleScore {
    private static final int SHINGLE = 4;
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private final List<Double> precisions = new ArrayList<>();
    private final List<Double> recalls = new ArrayList<>();

    /** One page's matched, predicted-only and gold-only shingle counts. */
    public record Page(int matched, int predictedOnly, int goldOnly) {
        public double precision() {
            if (predictedOnly == 0 && goldOnly == 0) {
                return 1;
            }
            return matched + predictedOnly == 0 ? 0 : matched / (double) (matched + predictedOnly);
        }

        public double recall() {
            if (predictedOnly == 0 && goldOnly == 0) {
                return 1;
            }
            return matched + goldOnly == 0 ? 0 : matched / (double) (matched + goldOnly);
        }
    }

    /** Scores one page and adds it to the corpus means. */
    public Page add(String gold, String predicted) {
        Page page = compare(gold, predicted);
        if (page.matched + page.predictedOnly > 0) {
            precisions.add(page.precision());
        }
        if (page.matched + page.goldOnly > 0) {
            recalls.add(page.recall());
        }
        return page;
    }

    public static Page compare(String gold, String predicted) {
        Map<List<String>, Integer> g = shingles(gold);
        Map<List<String>, Integer> p = shingles(predicted);
        int matched = 0;
        int predictedOnly = 0;
        for (Map.Entry<List<String>, Integer> e : p.entrySet()) {
            int inGold = g.getOrDefault(e.getKey(), 0);
            matched += Math.min(inGold, e.getValue());
            predictedOnly += Math.max(0, e.getValue() - inGold);
        }
        int goldOnly = 0;
        for (Map.Entry<List<String>, Integer> e : g.entrySet()) {
            goldOnly += Math.max(0, e.getValue() - p.getOrDefault(e.getKey(), 0));
        }
        return new Page(matched, predictedOnly, goldOnly);
    }

    public double precision() {
        return mean(precisions);
    }

    public double recall() {
        return mean(recalls);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    // A text shorter than one shingle counts as one shingle of all its tokens, as the benchmark does.
    static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<List<String>, Integer> counts = new HashMap<>();
        if (tokens.isEmpty()) {
            return counts;
        }
        for (int i = 0; i < Math.max(1, tokens.size() - SHINGLE + 1); i++) {
            counts.merge(List.copyOf(tokens.subList(i, Math.min(tokens.size(), i + SHINGLE))), 1, Integer::sum);
        }
        return counts;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
