package dev.parallax.chat.discord;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into pieces of at most {@code max} chars without losing any of it: at a line break
 * where it can, else at a space, else (one enormous word) anywhere but inside a surrogate pair.
 * The one break character a cut lands on is dropped; everything else is kept in order.
 */
final class TextSplitter {
    private TextSplitter() {
    }

    static List<String> split(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max must be at least 2");
        }
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = breakBefore(rest, max);
            pieces.add(rest.substring(0, cut));
            rest = rest.substring(cut);
            if (!rest.isEmpty() && (rest.charAt(0) == '\n' || rest.charAt(0) == ' ')) {
                rest = rest.substring(1);
            }
        }
        pieces.add(rest);
        return pieces;
    }

    // Prefer a line break in the second half of the window, then a space there, then any of them.
    private static int breakBefore(String text, int max) {
        int line = text.lastIndexOf('\n', max);
        if (line > max / 2) {
            return line;
        }
        int space = text.lastIndexOf(' ', max);
        if (space > max / 2) {
            return space;
        }
        int any = Math.max(line, space);
        if (any > 0) {
            return any;
        }
        return Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    }
}
