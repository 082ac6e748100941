package dev.parallax.claims;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lengths ("four-day visit", "for two weeks") and ordinals ("80th anniversary"); money and
 * percentages are handed to {@link MoneyClaims} and {@link PercentClaims}.
 */
final class MeasureClaims {
    private static final Set<String> TIME_UNITS = Set.of("day", "days", "week", "weeks", "month", "months", "year",
            "years", "hour", "hours");
    private static final Pattern COMPOUND_LENGTH = Pattern.compile(
            "(?i)(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|thirty)-(day|week|month|year|hour)");
    private static final Pattern ORDINAL = Pattern.compile("(?i)\\d+(st|nd|rd|th)");
    private static final Map<String, Integer> SMALL_NUMBERS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("fourteen", 14), Map.entry("thirty", 30));
    private static final Map<String, Integer> UNIT_DAYS = Map.of("day", 1, "week", 7, "month", 30, "year", 365);

    private final AnchorFinder anchors;
    private final MoneyClaims money = new MoneyClaims();
    private final PercentClaims percents = new PercentClaims();

    MeasureClaims(AnchorFinder anchors) {
        this.anchors = anchors;
    }

    int at(SentenceView s, int i, List<Claim> out) {
        String lower = s.lower(i);
        if (COMPOUND_LENGTH.matcher(lower).matches()) {
            length(s, i, out);
            return 1;
        }
        if ((lower.equals("for") || lower.equals("lasting")) && i + 2 < s.size() && TIME_UNITS.contains(s.lower(i + 2))
                && isNumber(s.lower(i + 1))) {
            spanLength(s, i, out);
            return 3;
        }
        if (ORDINAL.matcher(lower).matches()) {
            ordinal(s, i, i + 1, out);
            return 1;
        }
        if (lower.matches("\\d+") && i + 1 < s.size() && s.lower(i + 1).matches("st|nd|rd|th")
                && s.tokens.get(i + 1).start() == s.tokens.get(i).end()) {
            ordinal(s, i, i + 2, out); // the tokenizer splits "80th" into "80" "th"
            return 2;
        }
        int taken = money.at(s, i, out);
        return taken > 0 ? taken : percents.at(s, i, out);
    }

    private void length(SentenceView s, int i, List<Claim> out) {
        String[] parts = s.lower(i).split("-");
        int n = parts[0].chars().allMatch(Character::isDigit) ? Integer.parseInt(parts[0]) : SMALL_NUMBERS.get(parts[0]);
        boolean hours = parts[1].equals("hour");
        double amount = hours ? n : n * UNIT_DAYS.getOrDefault(parts[1], 1);
        Optional<Anchor> anchor = anchors.nounAfter(s, i + 1, 6)
                .or(() -> anchors.find(s, i, i + 1, AnchorFinder.Mode.EVENT));
        anchor.ifPresent(a -> out.add(ClaimExtractor.claim(s, ClaimKind.DURATION,
                "length|" + a.key() + ClaimExtractor.qualifier(a), lengthAbout(a),
                ClaimValue.Amount.exact(amount, hours ? "hours" : "days"), s.word(i), true, lengthClear(a))));
    }

    // "for four days", "lasting two weeks": the length of the event the clause is about.
    private void spanLength(SentenceView s, int i, List<Claim> out) {
        String n = s.lower(i + 1);
        int count = n.chars().allMatch(Character::isDigit) ? Integer.parseInt(n) : SMALL_NUMBERS.get(n);
        String unit = s.lower(i + 2).replaceAll("s$", "");
        if (!UNIT_DAYS.containsKey(unit)) {
            return;
        }
        double days = count * UNIT_DAYS.get(unit);
        anchors.find(s, i, i + 3, AnchorFinder.Mode.EVENT).ifPresent(a -> out.add(ClaimExtractor.claim(s,
                ClaimKind.DURATION, "length|" + a.key() + ClaimExtractor.qualifier(a), lengthAbout(a),
                ClaimValue.Amount.exact(days, "days"), s.span(i + 1, i + 3), true, lengthClear(a))));
    }

    // "length of the went": a verb is no thing that lasts; only a visit reads right whichever word named it.
    private static boolean lengthClear(Anchor a) {
        return !a.verb() || a.key().equals("visit");
    }

    // "length of the visit" reads better than "length of the stay" when both align on the key "visit".
    private static String lengthAbout(Anchor a) {
        return "length of " + (a.verb() ? "the " + (a.key().equals("visit") ? "visit" : a.surface()) : a.describe());
    }

    private static boolean isNumber(String lower) {
        return lower.matches("\\d{1,3}") || SMALL_NUMBERS.containsKey(lower);
    }

    // "80th anniversary of the victory": the number, the noun it ranks, and what that noun is of.
    private void ordinal(SentenceView s, int i, int nounAt, List<Claim> out) {
        if (nounAt >= s.size() || !s.tokens.get(nounAt).isWord() || !s.isNoun(nounAt)) {
            return;
        }
        String noun = s.lower(nounAt);
        String object = "";
        String ofWhat = "";
        if (nounAt + 2 < s.size() && s.lower(nounAt + 1).equals("of")) {
            int k = nounAt + 2;
            if (s.lower(k).equals("the") && k + 1 < s.size()) {
                k++;
            }
            object = AnchorFinder.possessiveless(s.lower(k));
            ofWhat = ofPhrase(s, nounAt + 2);
        }
        String n = s.lower(i).replaceAll("\\D", "");
        // Only an anniversary or edition names one thing with one number; "first time" does not.
        boolean single = noun.equals("anniversary") || noun.equals("edition") || noun.equals("birthday");
        // "25th year", "21st century": of what, the sentence does not say in those words.
        out.add(ClaimExtractor.claim(s, ClaimKind.ORDINAL, "ordinal|" + noun + "|" + object,
                noun + (ofWhat.isEmpty() ? "" : " of " + ofWhat), ClaimValue.Amount.exact(Double.parseDouble(n), "th"),
                s.span(i, nounAt + 1), single, !ofWhat.isEmpty()));
    }

    // "the war's end", "Japan's formal surrender": the noun group after "of", as written, up to its last noun.
    private static String ofPhrase(SentenceView s, int from) {
        int last = -1;
        for (int k = from; k < Math.min(s.size(), from + 5) && s.tokens.get(k).isWord(); k++) {
            String tag = s.tag(k);
            if (tag.equals("NOUN") || tag.equals("PROPN") || s.word(k).matches("\\p{L}+['’]s")) {
                last = k;
            } else if (!tag.equals("DET") && !tag.equals("ADJ")) {
                break;
            }
        }
        return last < 0 ? "" : s.span(from, last + 1);
    }
}
