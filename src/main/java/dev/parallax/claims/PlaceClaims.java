package dev.parallax.claims;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Places tied to an event: "in the northern port city of Tianjin", "through Beijing", and "the
 * Beijing summit" when the story names Beijing as a place elsewhere. Countries, regions and US
 * states are left out (a city is within them, and we carry no gazetteer to say which), and so are
 * institutions ("in Congress"). What the story itself says contains a place ("Las Vegas, Nevada")
 * goes with the value, so that the two never read as a conflict.
 */
final class PlaceClaims {
    private static final Set<String> LOCATIVE = Set.of("in", "at", "through", "near", "inside", "outside");
    private static final Set<String> PLACE_TYPES = Set.of("city", "town", "village", "province", "region",
            "capital", "port", "state", "district", "county", "island", "resort", "suburb");
    // Words that make a capitalised name a body or an organisation rather than a place.
    private static final Set<String> INSTITUTIONS = Set.of("congress", "senate", "house", "parliament", "court",
            "college", "committee", "council", "party", "department", "ministry", "cabinet", "administration",
            "assembly", "union", "agency", "bureau", "commission", "campaign", "government", "times", "post", "news",
            "journal", "office", "organization", "organisation", "association", "institute", "university", "school",
            "group", "caucus", "convention", "club", "league", "company", "corporation", "bank", "fund", "board",
            "service", "services", "force", "army", "navy", "forces", "guard", "police", "network", "magazine");
    // Verbs whose place is where the actor was: "arrived in", "was killed in", "spoke in".
    private static final Set<String> PLACE_VERBS = Set.of("arriv", "meet", "visit", "travel", "fli", "kill", "shoot",
            "attack", "crash", "speak", "ralli", "march", "protest", "born", "explos", "bomb", "stop", "leav",
            "summit", "injur", "arrest", "detain", "hold", "host");
    // Verb events with a single place for one actor.
    private static final Set<String> ONE_PLACE_VERBS = Set.of("arriv", "born", "kill");

    // Capitalised words that start a clause, not a place ("in It", "at This"); no tagging needed to see them.
    private static final Set<String> PRONOUNS = Set.of("i", "it", "he", "she", "we", "they", "you", "this", "that",
            "these", "those", "there", "his", "her", "its", "our", "their", "my", "your");

    private final Set<String> storyPlaces;
    private final Map<String, Set<String>> within;
    private final AnchorFinder anchors;

    private PlaceClaims(Set<String> storyPlaces, Map<String, Set<String>> within, AnchorFinder anchors) {
        this.storyPlaces = storyPlaces;
        this.within = within;
        this.anchors = anchors;
    }

    /** Learns the story's places and what contains what from all its sentences. */
    static PlaceClaims of(List<SentenceView> sentences, AnchorFinder anchors) {
        Set<String> places = new HashSet<>();
        Map<String, Set<String>> within = new HashMap<>();
        for (SentenceView s : sentences) {
            for (int i = 0; i < s.size(); i++) {
                locativePlace(s, i).ifPresent(p -> places.add(p.name.toLowerCase(Locale.ROOT)));
                containment(s, i).ifPresent(pair -> within.computeIfAbsent(pair[0], k -> new HashSet<>()).add(pair[1]));
            }
        }
        return new PlaceClaims(places, within, anchors);
    }

    void at(SentenceView s, int i, List<Claim> out) {
        String lower = s.lower(i);
        if (LOCATIVE.contains(lower)) {
            locativePlace(s, i).ifPresent(p -> place(s, p, out));
        } else if (storyPlaces.contains(lower) && i > 0 && s.lower(i - 1).equals("the") && i + 1 < s.size()
                && EventWords.isEventNoun(s.lower(i + 1)) && !Places.isCountryOrRegion(lower)) {
            // "the Beijing summit": a place the story names elsewhere, modifying an event noun.
            Anchor a = new Anchor(EventWords.key(s.lower(i + 1)), s.lower(i + 1), false, "", "");
            out.add(ClaimExtractor.claim(s, ClaimKind.PLACE, "place|" + a.subject(), "place of " + a.describe(),
                    value(s.word(i)), s.span(i, i + 2), EventWords.isOnePlace(a.key())));
        }
    }

    private void place(SentenceView s, FoundPlace p, List<Claim> out) {
        if (Places.isCountryOrRegion(p.name)) {
            return;
        }
        anchors.find(s, p.start, p.end, AnchorFinder.Mode.PLACE).ifPresent(a -> {
            if (a.verb() && !PLACE_VERBS.contains(a.key())) {
                return; // "gain seats in Congress": no event happens at a place here
            }
            boolean single = a.verb() ? ONE_PLACE_VERBS.contains(a.key()) && !a.actor().isEmpty()
                    : EventWords.isOnePlace(a.key());
            // "in Turkish ...": an adjective, not a place a reader could find.
            boolean adjective = p.end - p.nameStart == 1 && s.tag(p.nameStart).equals("ADJ");
            out.add(ClaimExtractor.claim(s, ClaimKind.PLACE, "place|" + a.key() + ClaimExtractor.qualifier(a),
                    (a.verb() ? "where " : "place of ") + a.describe(), value(p.name), s.span(p.start, p.end), single,
                    a.clear() && !adjective));
        });
    }

    private ClaimValue.Place value(String name) {
        return new ClaimValue.Place(name, within.getOrDefault(name.toLowerCase(Locale.ROOT), Set.of()));
    }

    private record FoundPlace(String name, int start, int end, int nameStart) {
    }

    /** "in Tianjin", "in the northern port city of Tianjin", "through Beijing": the named place. */
    private static Optional<FoundPlace> locativePlace(SentenceView s, int i) {
        if (!LOCATIVE.contains(s.lower(i)) || i + 1 >= s.size()) {
            return Optional.empty();
        }
        int k = i + 1;
        if (s.lower(k).equals("the")) {
            k++;
        }
        // "the northern Chinese port city of X"
        for (int m = k; m < Math.min(s.size() - 2, k + 6); m++) {
            if (PLACE_TYPES.contains(s.lower(m)) && s.lower(m + 1).equals("of")) {
                int name = m + 2;
                return nameRun(s, name).map(end -> new FoundPlace(s.span(name, end), i, end, name));
            }
            if (!s.tokens.get(m).isWord()) {
                break;
            }
        }
        int from = k;
        return nameRun(s, from).map(end -> new FoundPlace(s.span(from, end), i, end, from));
    }

    // "Las Vegas, Nevada": the first name is within the second.
    private static Optional<String[]> containment(SentenceView s, int i) {
        if (!s.tokens.get(i).isCapitalized() || i > 0 && s.tokens.get(i - 1).isCapitalized()) {
            return Optional.empty();
        }
        Optional<Integer> end = nameRun(s, i);
        if (end.isEmpty() || end.get() + 1 >= s.size() || !s.word(end.get()).equals(",")) {
            return Optional.empty();
        }
        int second = end.get() + 1;
        Optional<Integer> secondEnd = nameRun(s, second);
        if (secondEnd.isEmpty()) {
            return Optional.empty();
        }
        String outer = s.span(second, secondEnd.get());
        if (!Places.isCountryOrRegion(outer)) {
            return Optional.empty();
        }
        return Optional.of(new String[] {s.span(i, end.get()).toLowerCase(Locale.ROOT), outer.toLowerCase(Locale.ROOT)});
    }

    /** End of a run of one to three capitalised words at k that can name a place, if there is one. */
    private static Optional<Integer> nameRun(SentenceView s, int k) {
        int end = k;
        while (end < s.size() && s.tokens.get(end).isCapitalized() && s.tokens.get(end).isWord()
                && !s.word(end).matches("[A-Z]{2,}") && !PRONOUNS.contains(s.lower(end))) {
            if (s.word(end).matches(".*['’]s") || INSTITUTIONS.contains(s.lower(end))
                    || EventWords.isEventNoun(s.lower(end))) {
                return Optional.empty(); // "in Xi's words", "in the Electoral College", "in the Second World War"
            }
            end++;
        }
        if (end == k || end - k > 3 || Places.isCalendarWord(s.span(k, end))) {
            return Optional.empty();
        }
        return Optional.of(end);
    }
}
