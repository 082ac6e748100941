package dev.parallax.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The text after {@code /parallax}, split into the subcommand (lower case) and what follows it,
 * both as typed and as words: {@code "schedule 0 8 * * 1-5 Europe/Berlin"} is "schedule" with six words.
 */
record Subcommand(String name, String rest, List<String> words) {

    static Subcommand parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return new Subcommand("", "", List.of());
        }
        String[] head = s.split("\\s+", 2);
        String rest = head.length > 1 ? head[1].strip() : "";
        return new Subcommand(head[0].toLowerCase(Locale.ROOT), rest,
                rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\\s+")));
    }

    /** The first word after the subcommand, lower case, or "" when there is none. */
    String option() {
        return words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
    }

    /** What follows the first word, as typed. */
    String afterOption() {
        String[] parts = rest.split("\\s+", 2);
        return parts.length > 1 ? parts[1].strip() : "";
    }
}
