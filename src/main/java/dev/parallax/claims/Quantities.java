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
        Optional<Bare> found = bareNumber(tokens, i);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Bare bare = found.get();
        double value = bare.value;
        int end = bare.end;
        double low = value - bare.rounding;
        double high = value + bare.rounding;
        int start = i;
        String before = i > 0 ? tokens.get(i - 1).lower() : "";
        String before2 = i > 1 ? tokens.get(i - 2).lower() : "";
        if (before.equals("than") && ABOVE.contains(before2) || ABOVE.contains(before) && !before.equals("least")
                || before.equals("least") && before2.equals("at")) {
            low = bare.rounding > 0 ? value : Math.floor(value) + 1;
            high = Double.POSITIVE_INFINITY;
            start = before.equals("than") || before.equals("least") ? i - 2 : i - 1;
        } else if (before.equals("than") && BELOW.contains(before2) || BELOW.contains(before) && !before.equals("most")
                || before.equals("most") && before2.equals("at")) {
            low = 0;
            high = before.equals("most") || bare.rounding > 0 ? value : Math.ceil(value) - 1;
            start = before.equals("than") || before.equals("most") ? i - 2 : i - 1;
        } else if (before.equals("to") && before2.equals("up")) {
            low = 0; // "up to 20"
            start = i - 2;
        } else if (APPROXIMATE.contains(before) || bare.vague) {
            low = Math.min(low, value * (1 - VAGUE));
            high = Math.max(high, value * (1 + VAGUE));
            start = APPROXIMATE.contains(before) ? i - 1 : i;
        }
        return Optional.of(new Quantity(low, high, Math.max(0, start), end));
    }

    /**
     * A number as written: its value, where it ends, whether it is vague ("a dozen"), and how far
     * the writer may have rounded it. "1.4 trillion" may be 1.35 to 1.45 trillion, "200,000" anything
     * from 150,000 to 250,000; a plain "20" or "212,672" is exact. Rounding stops just short of the
     * half, so 12% and 13% still differ.
     */
    private record Bare(double value, int end, boolean vague, double rounding) {
    }

    private static Optional<Bare> bareNumber(List<Token> tokens, int i) {
        String t = tokens.get(i).lower();
        double value;
        int end = i + 1;
        boolean vague = false;
        String digits = null;
        if (t.matches("\\d+(?:,\\d{3})*(?:\\.\\d+)?")) {
            digits = t.replace(",", "");
            value = Double.parseDouble(digits);
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
        double scale = 1;
        if (end < tokens.size()) {
            Double s = SCALES.get(tokens.get(end).lower());
            if (s != null && (!tokens.get(end).lower().equals("hundred") || value < 100)) {
                scale = s;
                value *= s;
                end++;
            }
        }
        return Optional.of(new Bare(value, end, vague, digits == null ? 0 : rounding(digits, scale)));
    }

    private static double rounding(String digits, double scale) {
        int dot = digits.indexOf('.');
        double unit;
        if (dot >= 0) {
            unit = Math.pow(10, -(digits.length() - dot - 1));
        } else {
            long n = Long.parseLong(digits);
            if (n == 0 || scale == 1 && n < 1000) {
                return 0;
            }
            int zeros = 0;
            while (n % 10 == 0) {
                n /= 10;
                zeros++;
            }
            unit = Math.pow(10, zeros);
        }
        return 0.4999 * unit * scale;
    }

    /** How far a percentage as written ("13", "12.5") may have been rounded. */
    static double percentRounding(String digits) {
        int dot = digits.indexOf('.');
        return 0.4999 * (dot < 0 ? 1 : Math.pow(10, -(digits.length() - dot - 1)));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
