package dev.parallax.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user's words as FTS5 query strings. Every word is quoted, so nothing typed in a chat (quotes,
 * stars, AND/OR/NEAR, column filters) can change the query's meaning or make it fail to parse.
 */
final class FtsQuery {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_TERMS = 12;

    private final List<String> terms;

    private FtsQuery(List<String> terms) {
        this.terms = terms;
    }

    static FtsQuery of(String text) {
        List<String> terms = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find() && terms.size() < MAX_TERMS) {
            terms.add(m.group());
        }
        return new FtsQuery(List.copyOf(terms));
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    int size() {
        return terms.size();
    }

    /** Every word must occur. */
    String allOf() {
        return terms.stream().map(FtsQuery::quote).collect(Collectors.joining(" "));
    }

    /** Any word may occur; bm25 still ranks documents with more of them first. */
    String anyOf() {
        return terms.stream().map(FtsQuery::quote).collect(Collectors.joining(" OR "));
    }

    /** Every word must occur, the last one as a prefix (what is being typed). */
    String allOfTyping() {
        return allOf() + "*";
    }

    private static String quote(String term) {
        return '"' + term + '"';
    }
}
