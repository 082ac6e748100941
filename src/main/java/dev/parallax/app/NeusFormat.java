package dev.parallax.app;

import dev.parallax.model.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** NeuS lines: outlets separated by " [SEP] ", each "TITLE=> ... ARTICLE=> ...". */
final class NeusFormat {
    private static final String SEPARATOR = " [SEP] ";
    private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");

    private NeusFormat() {
    }

    /** The 1-based, inclusive line numbers a command works on: all of them, or a range such as "155-307". */
    record LineRange(int first, int last) {
        static LineRange parse(String text, int lineCount) {
            if (text == null || text.isBlank()) {
                return new LineRange(1, lineCount);
            }
            Matcher m = RANGE.matcher(text.strip());
            if (!m.matches()) {
                throw new InputException("--lines wants FIRST-LAST, e.g. 1-154; got \"" + text + "\"");
            }
            int first = Integer.parseInt(m.group(1));
            int last = Integer.parseInt(m.group(2));
            if (first < 1 || last < first || last > lineCount) {
                throw new InputException("--lines " + text + " is outside 1-" + lineCount);
            }
            return new LineRange(first, last);
        }

        int size() {
            return last - first + 1;
        }
    }

    static List<String> lines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            if (lines.isEmpty()) {
                throw new InputException(file + ": empty file");
            }
            return lines;
        } catch (NoSuchFileException e) {
            throw new InputException("no such file: " + file);
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    static List<Article> articles(String line, String where) {
        List<Article> out = new ArrayList<>();
        String[] parts = line.split(Pattern.quote(SEPARATOR));
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
