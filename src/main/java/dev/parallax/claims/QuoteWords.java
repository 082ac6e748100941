package dev.parallax.claims;

import dev.parallax.text.WordTokenizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Whether two quotations are the same words: outlets trim and splice quotes, so most words must match. */
final class QuoteWords {
    private static final double SAME = 0.6;

    private QuoteWords() {
    }

    static boolean sameQuote(String a, String b) {
        List<String> wa = WordTokenizer.lowerWords(a);
        List<String> wb = WordTokenizer.lowerWords(b);
        if (wa.size() < 3 || wb.size() < 3) {
            return String.join(" ", wa).equals(String.join(" ", wb));
        }
        Set<String> shorter = new HashSet<>(wa.size() <= wb.size() ? wa : wb);
        Set<String> longer = new HashSet<>(wa.size() <= wb.size() ? wb : wa);
        int shared = 0;
        for (String w : shorter) {
            if (longer.contains(w)) {
                shared++;
            }
        }
        return shared >= SAME * shorter.size();
    }
}
