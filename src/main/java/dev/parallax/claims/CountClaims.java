package dev.parallax.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Counts with their noun and the event and action they belong to: "about 20 leaders" at the
 * summit, "three people" killed in the shooting, "157 of 338 seats" won. "Four people were killed,
 * including the gunman" may count the gunman, so it reads as three or four. A count no event noun
 * claims belongs to the story as a whole; the comparer then also wants close context. Forecasts
 * and conditionals ("expected to add 845,000 jobs") are kept but never diverge.
 */
final class CountClaims {
    private static final Pattern DIGITS = Pattern.compile("\\d+(?:,\\d{3})*(?:\\.\\d+)?");
    private static final Set<String> NUMBER_WORDS = Set.of("two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "a",
            "dozens", "hundreds", "thousands", "millions");
    private static final Set<String> TIME_UNITS = Set.of("day", "days", "week", "weeks", "month", "months", "year",
            "years", "hour", "hours", "minute", "minutes", "decade", "decades", "night", "nights", "percent", "times",
            "points", "point", "seconds", "second", "am", "pm", "a.m.", "p.m.");
    private static final Set<String> NEUTRAL_MODIFIERS = Set.of("other", "more", "some", "such", "additional",
            "further", "of", "the");
    private static final Set<String> PARTICIPANTS = Set.of("leaders", "countries", "nations", "states",
            "heads", "delegations", "delegates", "presidents", "leader", "country", "nation");
    private static final Set<String> ANAPHORIC = Set.of("the", "both", "these", "those", "their", "its", "his",
            "her", "our", "all", "first", "last", "top", "next", "past");
    // Who may be in a toll without being a victim.
    private static final Set<String> PERPETRATORS = Set.of("gunman", "shooter", "attacker", "assailant", "suspect",
            "bomber", "driver", "perpetrator", "assailants", "attackers", "gunmen", "pilot", "hijacker", "hijackers");

    // Words that make a count a forecast, an estimate or a condition rather than a reported fact.
    // ("leaders are expected" at a summit is a plan, not a forecast, so "expected" alone is not one.)
    private static final Set<String> HYPOTHETICAL = Set.of("expecting", "forecast",
            "forecasts", "projected", "projection", "projections", "estimate", "estimated", "estimates", "could",
            "would", "might", "may", "if", "predicted", "predict", "looking", "surveyed", "needs", "need", "needed",
            "required", "threshold", "aim", "aims", "goal", "target", "hope", "hopes", "proposed", "economists",
            "analysts");
    // "a 150,000 increase" is a change, not a number of things.
    private static final Set<String> CHANGES = Set.of("increase", "rise", "drop", "decline", "decrease", "fall",
            "gain", "jump", "cut", "loss", "surge", "hike");
    // Verb-tagged words that say nothing of what happened to the counted.
    private static final Set<String> NOT_ROLES = Set.of("according", "including", "following", "highlighting",
            "compared", "making", "bringing", "leaving", "totaling", "totalling");
    // Verbs that end in -ed without being past forms.
    private static final Set<String> NOT_PAST = Set.of("need", "feed", "seed", "speed", "bleed", "breed", "proceed",
            "succeed", "exceed", "heed");
    private static final Set<String> PLURALS = Set.of("people", "children", "men", "women", "police", "staff",
            "personnel", "feet", "teeth", "cattle", "livestock", "media", "data", "crew", "clergy", "aircraft");
    /** The alignment key suffix that carries what happened to the counted; see {@link ClaimComparer}. */
    static final String ROLE = "|role:";
    /** The anchor key of a count that no event noun claims. */
    static final String STORY = "story";

    private final AnchorFinder anchors;

    CountClaims(AnchorFinder anchors) {
        this.anchors = anchors;
    }

    void in(SentenceView s, boolean[] used, List<Claim> out) {
        for (int i = 0; i < s.size(); i++) {
            if (!used[i]) {
                count(s, i, used, out);
            }
        }
    }

    private void count(SentenceView s, int i, boolean[] used, List<Claim> out) {
        String lower = s.lower(i);
        if (!DIGITS.matcher(lower).matches() && !NUMBER_WORDS.contains(lower)) {
            return;
        }
        if (i > 0 && (s.word(i - 1).equals("$") || s.word(i - 1).equals("#") || s.word(i - 1).equals(":"))) {
            return; // "$5" is money, "#2" a rank, "1:30" a time of day
        }
        if (lower.matches("(19|20)\\d{2}")) {
            return; // "2020 Democratic hopefuls", "the 2021 budget": a year, not a count
        }
        Optional<Quantities.Quantity> found = Quantities.at(s.tokens, i);
        if (found.isEmpty()) {
            return;
        }
        Quantities.Quantity q = found.get();
        if (q.start() > 0 && ANAPHORIC.contains(s.lower(q.start() - 1)) && q.start() == i) {
            return; // "the two nations" refers back; it states no quantity
        }
        int j = q.end();
        if (j < s.size() && s.lower(j).equals("of")) {
            j++; // "dozens of leaders"
            if (j < s.size() && DIGITS.matcher(s.lower(j)).matches()) {
                used[j] = true;
                j++; // "157 of 338 seats": the count is of seats; 338 is the total
            }
        }
        List<String> modifiers = new ArrayList<>();
        int nounEnd = -1;
        String head = null;
        for (int k = j; k < Math.min(s.size(), j + 4); k++) {
            String w = s.lower(k);
            if (NEUTRAL_MODIFIERS.contains(w)) {
                continue;
            }
            if (s.isNoun(k) && s.tokens.get(k).isWord()) {
                if (head != null) {
                    modifiers.add(head);
                }
                head = w;
                nounEnd = k + 1;
                if (k + 1 < s.size() && s.isNoun(k + 1)) {
                    continue;
                }
                break;
            }
            if (s.tag(k).equals("ADJ") && head == null) {
                modifiers.add(w);
                continue;
            }
            break;
        }
        if (head == null || TIME_UNITS.contains(head) || CHANGES.contains(head)) {
            return;
        }
        for (int k = q.start(); k < nounEnd; k++) {
            used[k] = true;
        }
        String noun = modifiers.isEmpty() && PARTICIPANTS.contains(head) ? "participants"
                : String.join(" ", modifiers) + (modifiers.isEmpty() ? "" : " ") + head;
        String shown = noun.equals("participants") ? "leaders or countries" : noun;
        int start = q.start();
        int end = nounEnd;
        double low = q.low();
        if (includesPerpetrator(s, end)) {
            low = Math.max(0, low - 1);
        }
        int roleAt = roleAt(s, start, end);
        String role = roleAt < 0 ? "" : s.lower(roleAt);
        String roleKey = ROLE + (role.isEmpty() ? "" : EventWords.key(role));
        boolean single = !s.has(HYPOTHETICAL);
        ClaimValue.Amount value = new ClaimValue.Amount(low, q.high(), noun);
        String surface = s.span(start, end);
        boolean participle = role.endsWith("ed") && !NOT_PAST.contains(role) || isRoleAdjective(role);
        String did = role.isEmpty() ? "" : participle ? " " + role : " (" + role + ")";
        // What happened to the counted reads right as "people killed"; not as "members expanded" (the verb
        // was the membership's), "seats (win)", or with a noun cut short by "and" ("16 observer and ...").
        // After the counted, "killed in" is what befell them; "filled the streets" what they did.
        boolean active = roleAt >= end && roleAt + 1 < s.size() && Set.of("DET", "NOUN", "PROPN", "PRON")
                .contains(s.tag(roleAt + 1));
        boolean clear = (role.isEmpty() || participle && !active && (roleAt >= end || roleAt == start - 1))
                && !(end < s.size() && (s.lower(end).equals("and") || s.lower(end).equals("or")))
                && (q.high() <= 1 || isPlural(head)); // "47 majority", "a 3-2 decision": not a number of things
        anchors.find(s, start, end, AnchorFinder.Mode.NOUN_ONLY).ifPresentOrElse(
                a -> out.add(ClaimExtractor.claim(s, ClaimKind.COUNT, "count|" + a.key() + ClaimExtractor.qualifier(a)
                        + "|" + noun + roleKey, "number of " + shown + did + " at " + a.describe(), value, surface,
                        single, clear)),
                () -> out.add(ClaimExtractor.claim(s, ClaimKind.COUNT, "count|" + STORY + "|" + noun + roleKey,
                        "number of " + shown + did, value, surface, single, clear)));
    }

    // "left four people dead, including the assailant"
    private static boolean includesPerpetrator(SentenceView s, int from) {
        for (int k = from; k + 2 < s.size(); k++) {
            if (s.lower(k).equals("including") && (PERPETRATORS.contains(s.lower(k + 1))
                    || PERPETRATORS.contains(s.lower(k + 2)))) {
                return true;
            }
        }
        return false;
    }

    // What happened to the counted: the nearest verb of the clause, or its participle ("people dead"); -1 for none.
    private static int roleAt(SentenceView s, int start, int end) {
        int clauseStart = s.clauseStart(start);
        int clauseEnd = s.clauseEnd(Math.max(start, end - 1));
        for (int d = 1; d < 6; d++) {
            int right = end - 1 + d;
            if (right < clauseEnd && isRoleWord(s, right)) {
                return right;
            }
            int left = start - d;
            if (left >= clauseStart && isRoleWord(s, left)) {
                return left;
            }
        }
        return -1;
    }

    private static boolean isPlural(String noun) {
        return noun.endsWith("s") && !noun.endsWith("ss") || PLURALS.contains(noun);
    }

    private static boolean isRoleAdjective(String w) {
        return w.equals("dead") || w.equals("injured") || w.equals("wounded") || w.equals("missing");
    }

    private static boolean isRoleWord(SentenceView s, int k) {
        String w = s.lower(k);
        boolean verb = s.isVerb(k) && !EventWords.isLightVerb(w) && !EventWords.isReportingVerb(w)
                && !NOT_ROLES.contains(w);
        return verb || isRoleAdjective(w);
    }
}
