package dev.parallax.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's words, as a search looks for them: only letters and digits, lower case, at most twelve.
 * Nothing typed in a chat (quotes, stars, AND/OR/NEAR, column filters, tsquery operators) reaches
 * a database's query syntax except as a plain word.
 */
final class SearchTerms {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_TERMS = 12;

    /** How the words combine. */
    enum Mode {
        /** Every word must occur. */
        ALL,
        /** Any word may occur; ranking still puts documents with more of them first. */
        ANY,
        /** Every word must occur, the last one as a prefix (what is being typed). */
        ALL_TYPING
    }

    private final List<String> terms;

    private SearchTerms(List<String> terms) {
        this.terms = terms;
    }

    static SearchTerms of(String text) {
        List<String> terms = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find() && terms.size() < MAX_TERMS) {
            terms.add(m.group());
        }
        return new SearchTerms(List.copyOf(terms));
    }

    List<String> terms() {
        return terms;
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    int size() {
        return terms.size();
    }
}
