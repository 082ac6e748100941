package dev.parallax.claims;

import dev.parallax.text.Token;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a quantity at a token position: digits or number words, "a dozen", "two dozen", "dozens",
 * with the hedges that make it a range ("about 20" is 16 to 24, "over 20" is more than 20).
 */
final class Quantities {
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90),
            Map.entry("hundred", 100));
    private static final Map<String, Double> SCALES = Map.of(
            "hundred", 1e2, "thousand", 1e3, "million", 1e6, "m", 1e6, "mn", 1e6, "billion", 1e9, "bn", 1e9,
            "b", 1e9, "trillion", 1e12, "tn", 1e12);
    private static final Set<String> APPROXIMATE = Set.of(
            "about", "around", "roughly", "approximately", "some", "nearly", "almost", "circa", "among", "estimated",
            "close");
    private static final Set<String> ABOVE = Set.of("over", "more", "above", "least", "exceeding");
    private static final Set<String> BELOW = Set.of("under", "fewer", "less", "below", "most");
    private static final double VAGUE = 0.2;
    // "dozens of", "hundreds of": a wide range, only in conflict with a value far outside it.
    private static final Map<String, double[]> PLURALS = Map.of(
            "dozens", new double[] {24, 199}, "hundreds", new double[] {200, 1999},
            "thousands", new double[] {2000, 19999}, "millions", new double[] {2e6, 1.999e7});

    private Quantities() {
    }

    /** A parsed quantity spanning tokens [start, end). */
    record Quantity(double low, double high, int start, int end) {
    }

    static Optional<Quantity> at(List<Token> tokens, int i) {
        double[] plural = PLURALS.get(tokens.get(i).lower());
        if (plural != null) {
            return Optional.of(new Quantity(plural[0], plural[1], i, i + 1));
        }
        Optional<double[]> bare = bareNumber(tokens, i);
        if (bare.isEmpty()) {
            return Optional.empty();
        }
        double value = bare.get()[0];
        boolean vague = bare.get()[2] > 0;
        int end = (int) bare.get()[1];
        double low = value;
        double high = value;
        int start = i;
        String before = i > 0 ? tokens.get(i - 1).lower() : "";
        String before2 = i > 1 ? tokens.get(i - 2).lower() : "";
        if (before.equals("than") && ABOVE.contains(before2) || ABOVE.contains(before) && !before.equals("least")
                || before.equals("least") && before2.equals("at")) {
            low = Math.floor(value) + 1;
            high = Double.POSITIVE_INFINITY;
            start = before.equals("than") || before.equals("least") ? i - 2 : i - 1;
        } else if (before.equals("than") && BELOW.contains(before2) || BELOW.contains(before) && !before.equals("most")
                || before.equals("most") && before2.equals("at")) {
            low = 0;
            high = before.equals("most") ? value : Math.ceil(value) - 1;
            start = before.equals("than") || before.equals("most") ? i - 2 : i - 1;
        } else if (before.equals("up") || before.equals("to") && before2.equals("up")) {
            low = 0;
            start = i - 2;
        } else if (APPROXIMATE.contains(before) || vague) {
            low = value * (1 - VAGUE);
            high = value * (1 + VAGUE);
            start = APPROXIMATE.contains(before) ? i - 1 : i;
        }
        return Optional.of(new Quantity(low, high, Math.max(0, start), end));
    }

    /** [value, end index, vague?] of a number at i: "20", "1,200", "2.5 billion", "two dozen", "a dozen". */
    private static Optional<double[]> bareNumber(List<Token> tokens, int i) {
        String t = tokens.get(i).lower();
        double value;
        int end = i + 1;
        boolean vague = false;
        if (t.matches("\\d+(?:,\\d{3})*(?:\\.\\d+)?")) {
            value = Double.parseDouble(t.replace(",", ""));
        } else if (WORDS.containsKey(t)) {
            value = WORDS.get(t);
        } else if (t.equals("a") && i + 1 < tokens.size() && tokens.get(i + 1).lower().equals("dozen")) {
            value = 12;
            vague = true;
        } else {
            return Optional.empty();
        }
        if (end < tokens.size() && tokens.get(end).lower().equals("dozen")) {
            value = (t.equals("a") ? 1 : value) * 12;
            vague = true;
            end++;
        } else if (t.equals("a")) {
            end++;
        }
        if (end < tokens.size()) {
            Double scale = SCALES.get(tokens.get(end).lower());
            if (scale != null && !tokens.get(end).lower().equals("hundred") || scale != null && value < 100) {
                value *= scale;
                end++;
            }
        }
        return Optional.of(new double[] {value, end, vague ? 1 : 0});
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
