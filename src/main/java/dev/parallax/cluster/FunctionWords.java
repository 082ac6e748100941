package dev.parallax.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells English text from text in another European language by the commonest function words each uses.
 * A share of English ones alone is not enough: German, Dutch and Italian text writes "in", "an" and
 * "so" too, so a German report could pass as English and be compared with English ones.
 */
final class FunctionWords {
    // The commonest English words: their share tells English text from other languages.
    static final Set<String> ENGLISH = Set.of("the", "of", "and", "to", "in", "a", "is", "that",
            "for", "it", "was", "on", "with", "he", "as", "by", "at", "his", "be", "from", "are", "has", "have",
            "said", "an", "were", "her", "she", "they", "their", "will", "after", "who", "been", "not", "but");

    // Each language's commonest function words; any that English also writes are dropped below, so a
    // quoted English word never counts for another language.
    private static final Map<String, Set<String>> OTHERS = Map.of(
            "German", words("der die das und den dem des nicht ist mit sich auf für eine einer einem ein von"
                    + " wurde wird auch bei nach aus hat sind noch wie oder über dass zu im"),
            "French", words("le la les des du et est une un dans pour qui que sur pas par avec au aux ce cette"
                    + " sont été ont il elle ne se leur"),
            "Spanish", words("el la los las del y que en un una por con para es se su sus al lo como más pero"
                    + " fue ha este esta"),
            "Italian", words("il lo la gli le di del della che e è un una per con non sono nel nella ha si da"
                    + " anche più"),
            "Portuguese", words("o os as da dos das e que em um uma para com não na por se é foi mais ao"),
            "Dutch", words("de het een en van dat die niet zijn met voor op te aan er maar ook bij wordt werd"
                    + " naar heeft"));

    // Word -> the languages (bits, in OTHERS' order) it is a function word of: one look-up per word.
    private static final Map<String, Integer> LANGUAGES_OF = languagesOf();

    private FunctionWords() {
    }

    /** How many of the lower-cased words are English function words, and how many are another language's. */
    record Tally(int english, int foreign) {
        /** Most of the function words it uses belong to another language. */
        boolean mostlyForeign() {
            return foreign > english;
        }
    }

    static Tally tally(List<String> lowerWords) {
        int english = 0;
        int[] other = new int[OTHERS.size()];
        for (String w : lowerWords) {
            if (ENGLISH.contains(w)) {
                english++;
                continue;
            }
            Integer languages = LANGUAGES_OF.get(w);
            for (int i = 0; languages != null && i < other.length; i++) {
                if ((languages & (1 << i)) != 0) {
                    other[i]++;
                }
            }
        }
        int foreign = 0;
        for (int count : other) {
            foreign = Math.max(foreign, count);
        }
        return new Tally(english, foreign);
    }

    private static Map<String, Integer> languagesOf() {
        Map<String, Integer> out = new HashMap<>();
        int bit = 1;
        for (Set<String> words : OTHERS.values()) {
            for (String w : words) {
                out.merge(w, bit, (a, b) -> a | b);
            }
            bit <<= 1;
        }
        return Map.copyOf(out);
    }

    private static Set<String> words(String list) {
        Set<String> out = new HashSet<>(List.of(list.split(" ")));
        out.removeAll(ENGLISH);
        return Set.copyOf(out);
    }
}
