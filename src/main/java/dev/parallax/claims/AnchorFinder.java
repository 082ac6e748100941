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

    private static final java.util.Set<String> PARTICLES = java.util.Set.of("out", "up", "off", "down", "back",
            "away");
    // Words a tagger may call nouns that only say when: they end an object ("passed the bill earlier").
    private static final java.util.Set<String> TIME_ADVERBS = java.util.Set.of("earlier", "later", "ago", "again",
            "now", "then", "today", "yesterday", "tomorrow", "tonight");
    private static final java.util.Set<String> POSSESSIVES = java.util.Set.of("his", "her", "its", "their", "our",
            "my", "your");
    // Past forms without -ed; with -ed, -s and these, a verb reads as something that happened.
    private static final java.util.Set<String> IRREGULAR_PAST = java.util.Set.of("met", "left", "flew", "came",
            "went", "struck", "spoke", "won", "lost", "fell", "shot", "made", "took", "gave", "began", "sent", "led",
            "ran", "saw", "brought", "bought", "sold", "built", "fought", "caught", "kept", "wrote", "drove", "rose",
            "broke", "chose", "stole", "swore", "tore", "became", "got", "found", "held", "stood", "sat", "paid",
            "laid", "told", "heard", "meant", "felt", "dealt", "sought", "spent", "sank", "swam", "threw", "withdrew",
            "drew", "grew", "knew", "froze", "hung", "fled", "bore", "beat", "overtook", "undertook", "forgave");
    private static final int MAX_OBJECT_WORDS = 5;
    // First words of a name that is a place or a body, not a person: shown whole ("New York", not "York").
    private static final java.util.Set<String> PLACE_PREFIXES = java.util.Set.of("new", "los", "las", "san", "santa",
            "saint", "st", "fort", "hong", "north", "south", "east", "west", "federal", "supreme", "national",
            "united", "white", "wall");

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
            Step step = look(s, j, mode, true, start);
            if (!(step instanceof Step.Nothing)) {
                return step;
            }
        }
        for (int j = end; j < to; j++) {
            Step step = look(s, j, mode, false, start);
            if (!(step instanceof Step.Nothing)) {
                return step;
            }
        }
        return new Step.Nothing();
    }

    // valueAt: where the value starts, which a verb's object never reaches into.
    private Step look(SentenceView s, int j, Mode mode, boolean leftward, int valueAt) {
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
            Actor actor = actorBefore(s, j);
            Optional<String> object = object(s, j, valueAt);
            boolean clear = actor.clear() && object.isPresent() && isTensed(lower);
            return new Step.Found(new Anchor(EventWords.key(lower), lower, true, actor.key(), actor.shown(),
                    qualifier(s, j), object.orElse(""), clear));
        }
        return new Step.Nothing();
    }

    // A finite verb reads as an event ("praised", "met", "opens"); "taking", "try" or "show" do not.
    private static boolean isTensed(String verb) {
        return verb.endsWith("ed") || IRREGULAR_PAST.contains(verb)
                || verb.length() > 3 && verb.endsWith("s") && !verb.endsWith("ss") && !verb.endsWith("us");
    }

    /**
     * What the verb acts on, as written: "relations" in "praised relations", "out their second largest
     * aerial attack" in "carried out ...". Empty when the verb takes none here ("arrived in", "met with");
     * no object at all (empty Optional) when one follows that cannot be stated: too long, with a number
     * in it, or a particle with nothing after it.
     */
    private static Optional<String> object(SentenceView s, int verb, int valueAt) {
        int k = verb + 1;
        boolean particle = k < s.size() && k != valueAt && PARTICLES.contains(s.lower(k))
                && !s.isNoun(k) && !s.isVerb(k);
        if (particle) {
            k++;
        }
        int from = k;
        int last = -1;
        while (k < s.size() && k != valueAt && k - from < MAX_OBJECT_WORDS) {
            String tag = s.tag(k);
            String w = s.lower(k);
            if (!s.tokens.get(k).isWord() || Places.isCalendarWord(w) || TIME_ADVERBS.contains(w)) {
                break;
            }
            if (w.chars().anyMatch(Character::isDigit) || tag.equals("NUM")) {
                return Optional.empty();
            }
            if (tag.equals("NOUN") || tag.equals("PROPN")) {
                last = k;
            } else if (!tag.equals("DET") && !tag.equals("ADJ") && !(tag.equals("PRON") && POSSESSIVES.contains(w))) {
                break;
            }
            k++;
        }
        boolean runsOn = k - from == MAX_OBJECT_WORDS && k < s.size() && k != valueAt
                && (s.isNoun(k) || s.tag(k).equals("ADJ") || s.tag(k).equals("PROPN"));
        if (last < 0) {
            return k > from || particle ? Optional.empty() : Optional.of("");
        }
        // "struck down Democratic Gov." or "a set of ...": the noun group goes on past what we took.
        boolean cut = k < s.size() && (s.word(k).equals(".") && k < s.size() - 1 || s.lower(k).equals("of"));
        if (runsOn || cut || last != k - 1) {
            return Optional.empty();
        }
        return Optional.of(s.span(verb + 1, last + 1));
    }

    private static Anchor nounAnchor(SentenceView s, int j) {
        String with = qualifier(s, j);
        // "the meeting with Thursday": the name after "with" was a day, so who met is not said.
        return new Anchor(EventWords.key(s.lower(j)), s.lower(j), false, "", "", with, "",
                !Places.isCalendarWord(with));
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

    /** Who acted: the key (last word of the name), the name as written, and whether it was found for sure. */
    private record Actor(String key, String shown, boolean clear) {
    }

    // The nearest name on the left in the clause, else the sentence's first name ("Ginsburg, the justice
    // who ..., died Friday"); a pronoun takes the carried actor. Only one found in the verb's own clause
    // (or a pronoun with an actor to carry) is sure enough to state a claim no other source backs.
    private static Actor actorBefore(SentenceView s, int verb) {
        int from = s.clauseStart(verb);
        for (int k = verb - 1; k >= from; k--) {
            if (s.isName(k) && !Places.isCalendarWord(s.word(k))) {
                return named(s, k, verb, true);
            }
            String lower = s.lower(k);
            if (lower.equals("he") || lower.equals("she")) {
                return new Actor(s.carriedActor(), s.carriedActor(), !s.carriedActor().isEmpty());
            }
        }
        if (from > 0) {
            // "Cummings, the head of ..., died": a capitalised first word set off by a comma is the subject
            if (s.tokens.get(0).isCapitalized() && s.size() > 1 && s.word(1).equals(",")
                    && !s.tag(0).equals("DET") && !s.tag(0).equals("ADV") && !s.tag(0).equals("ADP")) {
                return named(s, 0, verb, false);
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
                    return named(s, last, verb, false);
                }
            }
        }
        return new Actor("", "", false);
    }

    // The name run ending at k: its last word as the key; for readers a person by surname ("Putin"),
    // an organisation in full ("Dominion Voting Systems"), and a name that only qualifies the nouns
    // up to the verb with them ("Chinese state media", "the Indian leader", "Moscow's forces").
    private static Actor named(SentenceView s, int k, int verb, boolean inClause) {
        int start = k;
        while (start > 0 && s.isName(start - 1) && !Places.isCalendarWord(s.word(start - 1))) {
            start--;
        }
        String key = possessiveless(s.lower(k));
        int nouns = k + 1;
        while (nouns < verb && s.isNoun(nouns) && !s.tokens.get(nouns).isCapitalized() && nouns - k <= 3) {
            nouns++;
        }
        if (nouns > k + 1 && nouns == verb) {
            String the = start > 0 && s.lower(start - 1).equals("the") ? "the " : "";
            return new Actor(key, the + s.span(start, verb), inClause);
        }
        boolean whole = ORGANISATION_WORDS.contains(key) || k > start && PLACE_PREFIXES.contains(s.lower(start));
        String shown = whole ? s.span(start, k + 1) : s.word(k);
        // A lone adjective ("Democratic hit") is no one we can name, nor the end of "the Department of Justice".
        boolean named = !s.tag(k).equals("ADJ") && !(start > 0 && s.lower(start - 1).equals("of"));
        return new Actor(key, shown.replaceAll("['’]s$", ""), inClause && named);
    }

    static String possessiveless(String word) {
        return word.replaceAll("['’]s$", "").toLowerCase(Locale.ROOT);
    }
}
