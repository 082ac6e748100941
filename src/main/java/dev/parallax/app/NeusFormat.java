package dev.parallax.app;

import dev.parallax.model.Article;
import java.util.ArrayList;
import java.util.List;

/** NeuS lines: outlets separated by " [SEP] ", each "TITLE=> ... ARTICLE=> ...". */
final class NeusFormat {
    private static final String SEPARATOR = " [SEP] ";

    private NeusFormat() {
    }

    static List<Article> articles(String line, String where) {
        List<Article> out = new ArrayList<>();
        String[] parts = line.split(java.util.regex.Pattern.quote(SEPARATOR));
        for (int i = 0; i < parts.length; i++) {
            String title = title(parts[i]);
            String body = body(parts[i]);
            if (body.isBlank()) {
                continue; // real data has outlets with a title and no text: they add nothing to summarise
            }
            out.add(new Article("o" + (i + 1), "outlet " + (i + 1), title, "", null, body));
        }
        if (out.isEmpty()) {
            throw new InputException(where + ": no outlet has ARTICLE=> text");
        }
        return out;
    }

    static String title(String part) {
        int t = part.indexOf("TITLE=>");
        int a = part.indexOf("ARTICLE=>");
        if (t < 0) {
            return "";
        }
        return (a > t ? part.substring(t + 7, a) : part.substring(t + 7)).strip();
    }

    static String body(String part) {
        int a = part.indexOf("ARTICLE=>");
        return a < 0 ? part.strip() : part.substring(a + 9).strip();
    }
}
