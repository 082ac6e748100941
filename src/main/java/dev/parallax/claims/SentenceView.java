package dev.parallax.claims;

import dev.parallax.text.PosTagger;
import dev.parallax.text.Token;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One sentence of one article, with the clause boundaries the anchor search respects. Tagging is
 * the costly step, so it happens on first use: a sentence with no number, date, quote or place in
 * it is never tagged. The actor a pronoun stands for comes from the previous sentences, also lazily.
 */
final class SentenceView {
    private static final Set<String> CLAUSE_MARKS = Set.of(",", ";", "–", "—", "(", ")", ":", "-");

    final String articleId;
    final String text;
    final List<Token> tokens;
    final DateResolver dates;
    private final PosTagger tagger;
    private final SentenceView previous;
    private String[] tags;
    private String carriedActor;

    SentenceView(String articleId, String text, List<Token> tokens, PosTagger tagger, SentenceView previous,
                 DateResolver dates) {
        this.articleId = articleId;
        this.text = text;
        this.tokens = tokens;
        this.tagger = tagger;
        this.previous = previous;
        this.dates = dates;
    }

    /** The last word of the latest name in the sentences before this one (of the same article), or "". */
    String carriedActor() {
        if (carriedActor == null) {
            String actor = "";
            for (SentenceView s = previous; s != null; s = s.previous) {
                if (s.carriedActor != null) {
                    Optional<String> own = s.firstName();
                    actor = own.orElse(s.carriedActor);
                    break;
                }
                Optional<String> own = s.firstName();
                if (own.isPresent()) {
                    actor = own.get();
                    break;
                }
            }
            carriedActor = actor;
        }
        return carriedActor;
    }

    // The last word of the first run of proper nouns.
    private Optional<String> firstName() {
        for (int i = 0; i < size(); i++) {
            if (tag(i).equals("PROPN") && tokens.get(i).isWord()) {
                int k = i;
                while (k + 1 < size() && tag(k + 1).equals("PROPN")) {
                    k++;
                }
                return Optional.of(AnchorFinder.possessiveless(lower(k)));
            }
        }
        return Optional.empty();
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
        if (tags == null) {
            tags = tagger.tag(tokens);
        }
        return tags[i];
    }

    boolean isVerb(int i) {
        return tag(i).equals("VERB");
    }

    boolean isNoun(int i) {
        return tag(i).equals("NOUN");
    }

    boolean isName(int i) {
        Token t = tokens.get(i);
        return (tag(i).equals("PROPN") || t.isCapitalized() && i > 0 && !tag(i).equals("PRON"))
                && t.isWord() && !t.text().equals("I") && !t.text().matches("I['’].*");
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
