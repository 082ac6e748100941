package dev.parallax.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A channel's topic filter: a story passes when it mentions at least one include topic (or none
 * are set) and no exclude topic. Topics are whole words or phrases, case-insensitive ("climate
 * change"); a trailing {@code *} matches any ending ("russia*" for Russia and Russian).
 */
public record TopicFilter(List<String> include, List<String> exclude) {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}*]+");

    public TopicFilter {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public boolean matches(String text) {
        List<String> words = words(text, false);
        boolean included = include.isEmpty() || include.stream().anyMatch(t -> mentions(words, t));
        return included && exclude.stream().noneMatch(t -> mentions(words, t));
    }

    private static boolean mentions(List<String> words, String topic) {
        List<String> parts = words(topic, true);
        if (parts.isEmpty()) {
            return false;
        }
        for (int start = 0; start + parts.size() <= words.size(); start++) {
            int i = 0;
            while (i < parts.size() && same(words.get(start + i), parts.get(i))) {
                i++;
            }
            if (i == parts.size()) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(String word, String part) {
        return part.endsWith("*") ? word.startsWith(part.substring(0, part.length() - 1)) : word.equals(part);
    }

    private static List<String> words(String text, boolean keepStar) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String w : Arrays.asList(NON_WORD.split(lower))) {
            String word = keepStar ? w.replaceAll("\\*(?!$)", "") : w.replace("*", "");
            if (!word.isEmpty() && !word.equals("*")) {
                out.add(word);
            }
        }
        return out;
    }
}
