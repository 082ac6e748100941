package dev.parallax.ingest.page;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uses a page's own statement of its article text (JSON-LD {@code articleBody}) to drop extracted
 * lines that are not part of it: captions, teasers and widgets that share the article's container.
 * Applied only when the statement covers most of the extracted text, so a truncated teaser body
 * never cuts the article short.
 */
final class BodyFilter {
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int N = 3;
    private static final double LINE_COVERED = 0.5;
    private static final double TEXT_COVERED = 0.7;

    private BodyFilter() {
    }

    static List<String> keepLinesIn(List<String> lines, String statedBody) {
        Set<String> stated = new HashSet<>(grams(statedBody));
        if (stated.isEmpty()) {
            return lines;
        }
        List<String> kept = new ArrayList<>();
        int total = 0;
        int covered = 0;
        for (String line : lines) {
            List<String> g = grams(line);
            long in = g.stream().filter(stated::contains).count();
            total += g.size();
            covered += (int) in;
            if (g.isEmpty() || in >= LINE_COVERED * g.size()) {
                kept.add(line);
            }
        }
        return total > 0 && covered >= TEXT_COVERED * total ? kept : lines;
    }

    private static List<String> grams(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i + N <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + N)));
        }
        return out;
    }
}
