package dev.parallax.claims;

import dev.parallax.text.WordTokenizer;
import java.util.HashSet;
import java.util.Set;

/**
 * How much two claim sentences speak of the same thing: the share of the shorter one's content
 * words that the other also uses. Money and percentages have weak subjects ("$1 trillion bill",
 * "a 12% increase"), so their divergences also need close context.
 */
final class ContextWords {
    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "to", "in", "and", "or", "on", "for", "at",
            "by", "with", "from", "that", "this", "is", "was", "were", "are", "be", "been", "has", "have", "had", "it",
            "its", "as", "but", "not", "he", "she", "they", "his", "her", "their", "said", "says", "will", "would",
            "who", "which", "than", "more", "over", "about", "after", "before", "into", "up", "out", "s", "percent",
            "million", "billion", "trillion", "thousand", "also", "new", "last", "first", "some", "all");

    private ContextWords() {
    }

    static double overlap(String a, String b) {
        Set<String> wa = content(a);
        Set<String> wb = content(b);
        if (wa.isEmpty() || wb.isEmpty()) {
            return 0;
        }
        Set<String> small = wa.size() <= wb.size() ? wa : wb;
        Set<String> large = small == wa ? wb : wa;
        int shared = 0;
        for (String w : small) {
            if (large.contains(w)) {
                shared++;
            }
        }
        return shared / (double) small.size();
    }

    private static Set<String> content(String text) {
        Set<String> words = new HashSet<>();
        for (String w : WordTokenizer.lowerWords(text)) {
            if (!STOP.contains(w) && !Character.isDigit(w.charAt(0))) {
                words.add(w.length() > 4 ? w.substring(0, w.length() - (w.endsWith("s") ? 1 : 0)) : w);
            }
        }
        return words;
    }
}
