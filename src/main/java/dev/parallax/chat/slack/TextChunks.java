package dev.parallax.chat.slack;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a Slack mrkdwn text into pieces of at most {@code max} characters, preferring line ends,
 * then spaces; never inside a link ({@code <url|label>}), an entity ({@code &amp;}) or a
 * surrogate pair. The pieces joined again are exactly the text: nothing is dropped.
 */
final class TextChunks {
    private TextChunks() {
    }

    static List<String> split(String text, int max) {
        if (max < 16) {
            throw new IllegalArgumentException("chunks must hold at least 16 characters");
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        while (text.length() - start > max) {
            int cut = cutPoint(text, start, start + max);
            out.add(text.substring(start, cut));
            start = cut;
        }
        if (start < text.length() || out.isEmpty()) {
            out.add(text.substring(start));
        }
        return out;
    }

    // The end (exclusive) of the next chunk, in (start, limit].
    private static int cutPoint(String text, int start, int limit) {
        // A line end is the best place, unless it would leave a tiny chunk.
        int newline = text.lastIndexOf('\n', limit - 1);
        if (newline >= start + (limit - start) / 4) {
            return safe(text, start, newline + 1);
        }
        int space = text.lastIndexOf(' ', limit - 1);
        if (space > start) {
            return safe(text, start, space + 1);
        }
        return safe(text, start, limit);
    }

    // Moves a cut back out of a link, an entity or a surrogate pair, if that leaves anything before it.
    private static int safe(String text, int start, int cut) {
        int open = text.lastIndexOf('<', cut - 1);
        if (open >= start && text.indexOf('>', open) >= cut && open > start) {
            cut = open;
        }
        int amp = text.lastIndexOf('&', cut - 1);
        if (amp > start && cut - amp <= 6 && text.indexOf(';', amp) >= cut) {
            cut = amp;
        }
        if (cut > start + 1 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return cut;
    }
}
