package dev.parallax.chat.discord;

import java.util.regex.Pattern;

/** Discord markdown for text we did not write (headlines, quotes, command replies). */
final class DiscordMarkdown {
    private static final Pattern INLINE = Pattern.compile("([\\\\*_~`|\\[\\]])");
    private static final Pattern LINE_START = Pattern.compile("(?m)^(\\s*)([>#-])");

    private DiscordMarkdown() {
    }

    /** Escapes what Discord would read as formatting, quotes, headings, lists or links. */
    static String escape(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String inline = INLINE.matcher(text).replaceAll("\\\\$1");
        return LINE_START.matcher(inline).replaceAll("$1\\\\$2");
    }

    /** Shortens a label that Discord limits (a title, a thread name) with an ellipsis; never used on content. */
    static String shorten(String text, int max) {
        String t = text == null ? "" : text.strip();
        if (t.length() <= max) {
            return t;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(t.charAt(cut - 1))) {
            cut--;
        }
        return t.substring(0, cut).stripTrailing() + "…";
    }

    /** A masked link when the address is a web URL, else just the text. */
    static String link(String text, String url) {
        return isWebUrl(url) ? "[" + text + "](" + url + ")" : text;
    }

    static boolean isWebUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) && !url.contains(")")
                && !url.contains(" ");
    }

    static String code(String text) {
        return "`" + text.replace("`", "'") + "`";
    }
}
