package dev.parallax.claims;

import dev.parallax.text.Token;
import java.util.List;
import java.util.Set;

/** One tagged sentence of one article, with the clause boundaries the anchor search respects. */
final class SentenceView {
    private static final Set<String> CLAUSE_MARKS = Set.of(",", ";", "–", "—", "(", ")", ":", "-");

    final String articleId;
    final String text;
    final List<Token> tokens;
    final String[] tags;
    final String carriedActor;
    final DateResolver dates;

    SentenceView(String articleId, String text, List<Token> tokens, String[] tags, String carriedActor,
                 DateResolver dates) {
        this.articleId = articleId;
        this.text = text;
        this.tokens = tokens;
        this.tags = tags;
        this.carriedActor = carriedActor;
        this.dates = dates;
    }

    int size() {
        return tokens.size();
    }

    String lower(int i) {
        return tokens.get(i).lower();
    }

    String word(int i) {
        return tokens.get(i).text();
    }

    String tag(int i) {
        return tags[i];
    }

    boolean isVerb(int i) {
        return tags[i].equals("VERB");
    }

    boolean isNoun(int i) {
        return tags[i].equals("NOUN");
    }

    boolean isName(int i) {
        Token t = tokens.get(i);
        return (tags[i].equals("PROPN") || t.isCapitalized() && i > 0 && !tags[i].equals("PRON"))
                && t.isWord() && !t.text().equals("I");
    }

    /** Start of the clause holding token i (after the nearest clause mark on the left). */
    int clauseStart(int i) {
        int j = i;
        while (j > 0 && !CLAUSE_MARKS.contains(word(j - 1))) {
            j--;
        }
        return j;
    }

    /** End (exclusive) of the clause holding token i. */
    int clauseEnd(int i) {
        int j = i;
        while (j < size() && !CLAUSE_MARKS.contains(word(j))) {
            j++;
        }
        return j;
    }

    /** Whether any of the words occurs (lower-cased) in the clause holding token i. */
    boolean clauseHas(int i, Set<String> words) {
        for (int k = clauseStart(i); k < clauseEnd(i); k++) {
            if (words.contains(lower(k))) {
                return true;
            }
        }
        return false;
    }

    /** Whether any of the words occurs (lower-cased) anywhere in the sentence. */
    boolean has(Set<String> words) {
        for (int k = 0; k < size(); k++) {
            if (words.contains(lower(k))) {
                return true;
            }
        }
        return false;
    }

    String span(int start, int end) {
        return text.substring(tokens.get(start).start(), tokens.get(end - 1).end());
    }
}
