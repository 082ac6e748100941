package dev.parallax.claims;

import java.util.Locale;
import java.util.Optional;

/**
 * Finds the event a value in a sentence belongs to: the nearest event word on its left within the
 * clause, else on its right, else the same over the whole sentence. Light verbs ("is held", "will
 * attend") are looked past; a reporting verb ("said on Sunday") ends the search with nothing.
 */
final class AnchorFinder {
    enum Mode {
        /** Event nouns and verbs: for days, years and places. */
        EVENT,
        /** Event nouns only: for counts, which belong to a gathering, not to a verb. */
        NOUN_ONLY,
        /** Like EVENT, but a venue verb ("held in") hands the place to the event noun before it. */
        PLACE
    }

    private sealed interface Step {
        record Found(Anchor anchor) implements Step {
        }

        record Blocked() implements Step {
        }

        record Nothing() implements Step {
        }
    }

    private static final java.util.Set<String> ORGANISATION_WORDS = java.util.Set.of("systems", "inc", "corp",
            "group", "company", "department", "court", "party", "administration", "committee", "agency", "bank",
            "university", "council", "commission", "ministry", "service", "police", "board", "association");

    Optional<Anchor> find(SentenceView s, int start, int end, Mode mode) {
        int clauseStart = s.clauseStart(start);
        int clauseEnd = s.clauseEnd(Math.max(start, end - 1));
        Step step = search(s, start, end, clauseStart, clauseEnd, mode);
        if (step instanceof Step.Nothing) {
            step = search(s, start, end, 0, s.size(), mode);
        }
        return step instanceof Step.Found f ? Optional.of(f.anchor()) : Optional.empty();
    }

    /** The first event noun within a few tokens right of i ("four-day state visit" gives "visit"). */
    Optional<Anchor> nounAfter(SentenceView s, int i, int reach) {
        for (int j = i; j < Math.min(s.size(), i + reach); j++) {
            if (EventWords.isEventNoun(s.lower(j)) && !s.isVerb(j)) {
                return Optional.of(nounAnchor(s, j));
            }
        }
        return Optional.empty();
    }

    private Step search(SentenceView s, int start, int end, int from, int to, Mode mode) {
        for (int j = start - 1; j >= from; j--) {
            Step step = look(s, j, mode, true);
            if (!(step instanceof Step.Nothing)) {
                return step;
            }
        }
        for (int j = end; j < to; j++) {
            Step step = look(s, j, mode, false);
            if (!(step instanceof Step.Nothing)) {
                return step;
            }
        }
        return new Step.Nothing();
    }

    private Step look(SentenceView s, int j, Mode mode, boolean leftward) {
        String lower = s.lower(j);
        // A capitalised word inside a sentence is a name the tagger misread ("Trudeau’s"), not a verb.
        boolean verbTag = (s.isVerb(j) || s.tag(j).equals("AUX")) && (j == 0 || !s.tokens.get(j).isCapitalized());
        if (EventWords.isEventNoun(lower) && !verbTag) {
            return new Step.Found(nounAnchor(s, j));
        }
        if (mode == Mode.NOUN_ONLY || !verbTag) {
            return new Step.Nothing();
        }
        if (EventWords.isReportingVerb(lower)) {
            return new Step.Blocked();
        }
        if (mode == Mode.PLACE && leftward && EventWords.isVenueVerb(lower)) {
            for (int k = j - 1; k >= 0; k--) {
                if (EventWords.isEventNoun(s.lower(k)) && !s.isVerb(k)) {
                    return new Step.Found(nounAnchor(s, k));
                }
            }
            return new Step.Blocked();
        }
        if (EventWords.isLightVerb(lower) || s.tag(j).equals("AUX")) {
            return new Step.Nothing();
        }
        if (EventWords.isEventNoun(lower) || s.isVerb(j)) {
            String[] actor = actorBefore(s, j);
            return new Step.Found(new Anchor(EventWords.key(lower), lower, true, actor[0], actor[1], qualifier(s, j)));
        }
        return new Step.Nothing();
    }

    private static Anchor nounAnchor(SentenceView s, int j) {
        return new Anchor(EventWords.key(s.lower(j)), s.lower(j), false, "", qualifier(s, j));
    }

    // "summit with Trump", "met with Xi": the named counterpart makes it a different event.
    private static String qualifier(SentenceView s, int j) {
        int k = j + 1;
        if (k < s.size() && s.lower(k).equals("with")) {
            k++;
            int skipped = 0;
            while (k < s.size() && !s.isName(k) && skipped < 3 && s.tokens.get(k).isWord()) {
                k++;
                skipped++;
            }
            String last = "";
            while (k < s.size() && s.isName(k)) {
                last = possessiveless(s.lower(k));
                k++;
            }
            return last;
        }
        return "";
    }

    // The nearest name on the left in the clause, else the sentence's first name ("Ginsburg, the justice
    // who ..., died Friday"); a pronoun takes the carried actor. [key (last word), name as written].
    private static String[] actorBefore(SentenceView s, int verb) {
        int from = s.clauseStart(verb);
        for (int k = verb - 1; k >= from; k--) {
            if (s.isName(k) && !Places.isCalendarWord(s.word(k))) {
                return named(s, k);
            }
            String lower = s.lower(k);
            if (lower.equals("he") || lower.equals("she")) {
                return new String[] {s.carriedActor(), s.carriedActor()};
            }
        }
        if (from > 0) {
            // "Cummings, the head of ..., died": a capitalised first word set off by a comma is the subject
            if (s.tokens.get(0).isCapitalized() && s.size() > 1 && s.word(1).equals(",")
                    && !s.tag(0).equals("DET") && !s.tag(0).equals("ADV") && !s.tag(0).equals("ADP")) {
                return named(s, 0);
            }
            for (int k = 0; k < from; k++) {
                if (s.tag(k).equals("PROPN") && s.tokens.get(k).isWord() && !Places.isCalendarWord(s.word(k))) {
                    int last = k;
                    // "Dr. Rick Bright": titles and their dots belong to the run; the key is the surname
                    while (last + 1 < from && (s.tag(last + 1).equals("PROPN") || s.word(last + 1).equals(".")
                            && last + 2 < from && s.tag(last + 2).equals("PROPN"))) {
                        last++;
                    }
                    while (!s.tokens.get(last).isWord()) {
                        last--;
                    }
                    return named(s, last);
                }
            }
        }
        return new String[] {"", ""};
    }

    // The name run ending at k: its last word as the key; for readers a person by surname ("Putin"),
    // an organisation in full ("Dominion Voting Systems").
    private static String[] named(SentenceView s, int k) {
        int start = k;
        while (start > 0 && s.isName(start - 1) && !Places.isCalendarWord(s.word(start - 1))) {
            start--;
        }
        String key = possessiveless(s.lower(k));
        String shown = ORGANISATION_WORDS.contains(key) ? s.span(start, k + 1) : s.word(k);
        return new String[] {key, shown.replaceAll("['’]s$", "")};
    }

    static String possessiveless(String word) {
        return word.replaceAll("['’]s$", "").toLowerCase(Locale.ROOT);
    }
}
