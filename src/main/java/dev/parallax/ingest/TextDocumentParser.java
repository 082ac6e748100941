package dev.parallax.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text and Markdown articles. An optional header block of {@code Key: value} lines (or a YAML
 * front matter between {@code ---} lines) gives title, source, url and publish time; otherwise a
 * short first line without closing punctuation is the title.
 */
final class TextDocumentParser {
    private static final Pattern HEADER = Pattern.compile(
            "(?i)^(title|headline|source|outlet|url|link|published|date|published_at|pubdate)\\s*:\\s*(.+)$");
    private static final Pattern MD_HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern MD_EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`)");
    private static final int MAX_TITLE_WORDS = 25;

    ParsedDocument parse(String text, boolean markdown) {
        List<String> lines = new ArrayList<>(List.of(text.replace("\uFEFF", "").split("\\R", -1)));
        String title = "";
        String outlet = "";
        String url = "";
        Instant published = null;

        int i = skipBlank(lines, 0);
        boolean frontMatter = i < lines.size() && lines.get(i).strip().equals("---");
        if (frontMatter) {
            i++;
        }
        int headerStart = i;
        for (; i < lines.size(); i++) {
            Matcher m = HEADER.matcher(lines.get(i).strip());
            if (!m.matches()) {
                break;
            }
            String value = unquote(m.group(2).strip());
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "title", "headline" -> title = value;
                case "source", "outlet" -> outlet = value;
                case "url", "link" -> url = value;
                default -> published = PublishTimes.parse(value).orElse(published);
            }
        }
        if (frontMatter && i < lines.size() && lines.get(i).strip().equals("---")) {
            i++;
        } else if (frontMatter) {
            i = headerStart - 1; // a lone "---" was a rule, not front matter
        }
        List<String> body = new ArrayList<>();
        for (String line : lines.subList(i, lines.size())) {
            body.add(markdown ? stripMarkdown(line) : line);
        }
        int first = skipBlank(body, 0);
        if (title.isEmpty() && markdown && first < body.size() && MD_HEADING.matcher(lines.get(i + first).strip()).find()) {
            title = body.get(first).strip();
            body = body.subList(first + 1, body.size());
        }
        return new ParsedDocument(title, String.join("\n", body), published, outlet, url);
    }

    /**
     * Splits a plain first line off as the title when it reads like one: a few capitalised words
     * without closing punctuation. Applied after cleaning, so "Skip to content" is gone by then.
     */
    static ParsedDocument withLeadTitle(String title, String body) {
        if (!title.isEmpty()) {
            return new ParsedDocument(title, body, null, "", "");
        }
        String[] lines = body.strip().split("\\R", 2);
        String line = lines[0].strip();
        int words = line.isEmpty() ? 0 : line.split("\\s+").length;
        boolean titleLike = words >= 3 && words <= MAX_TITLE_WORDS && !line.matches(".*[.!?:;,\"”…]$")
                && Character.isUpperCase(line.codePointAt(0)) && lines.length > 1;
        return titleLike ? new ParsedDocument(line, lines[1].strip(), null, "", "")
                : new ParsedDocument("", body.strip(), null, "", "");
    }

    private static String stripMarkdown(String line) {
        String s = MD_HEADING.matcher(line).replaceFirst("");
        s = MD_LINK.matcher(s).replaceAll("$1");
        return MD_EMPHASIS.matcher(s).replaceAll("");
    }

    private static int skipBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
