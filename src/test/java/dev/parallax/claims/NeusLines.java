package dev.parallax.claims;

import dev.parallax.model.Article;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Test access to the NeuS benchmark file: where it is, and one line as articles ("o1".."o3"). */
final class NeusLines {
    private static final Pattern SEPARATOR = Pattern.compile(Pattern.quote(" [SEP] "));

    private NeusLines() {
    }

    static Path source() {
        return Path.of(System.getProperty("parallax.shared", "../shared"), "data", "neus-val.source");
    }

    static List<Article> articles(String line) {
        List<Article> out = new ArrayList<>();
        String[] parts = SEPARATOR.split(line);
        for (int i = 0; i < parts.length; i++) {
            int at = parts[i].indexOf("ARTICLE=>");
            String body = at < 0 ? parts[i].strip() : parts[i].substring(at + 9).strip();
            if (!body.isBlank()) {
                out.add(new Article("o" + (i + 1), "outlet " + (i + 1), "", "", null, body));
            }
        }
        return out;
    }
}
