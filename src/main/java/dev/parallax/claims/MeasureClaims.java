package dev.parallax.claims;

import dev.parallax.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lengths ("four-day visit", "for two weeks"), ordinals ("80th anniversary"), money with its
 * currency and scale ("$1.4 trillion", "300 billion yuan") and percentages ("a 12% increase over
 * June"). A change in percent is only comparable with one against the same baseline.
 */
final class MeasureClaims {
    private static final Set<String> TIME_UNITS = Set.of("day", "days", "week", "weeks", "month", "months", "year",
            "years", "hour", "hours");
    private static final Pattern COMPOUND_LENGTH = Pattern.compile(
            "(?i)(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|thirty)-(day|week|month|year|hour)");
    private static final Pattern ORDINAL = Pattern.compile("(?i)\\d+(st|nd|rd|th)");
    private static final Pattern DIGITS = Pattern.compile("\\d+(?:,\\d{3})*(?:\\.\\d+)?");
    private static final Map<String, Integer> SMALL_NUMBERS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("fourteen", 14), Map.entry("thirty", 30));
    private static final Map<String, Integer> UNIT_DAYS = Map.of("day", 1, "week", 7, "month", 30, "year", 365);
    private static final Map<String, String> CURRENCY_SIGNS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY");
    private static final Map<String, String> CURRENCY_WORDS = Map.ofEntries(Map.entry("dollars", "USD"),
            Map.entry("euros", "EUR"), Map.entry("pounds", "GBP"), Map.entry("yuan", "CNY"),
            Map.entry("renminbi", "CNY"), Map.entry("rubles", "RUB"), Map.entry("roubles", "RUB"),
            Map.entry("rupees", "INR"), Map.entry("yen", "JPY"), Map.entry("won", "KRW"), Map.entry("pesos", "MXN"),
            Map.entry("usd", "USD"), Map.entry("eur", "EUR"), Map.entry("gbp", "GBP"), Map.entry("cny", "CNY"));
    // Nouns of change: a percentage of change needs its baseline to be compared.
    private static final Set<String> CHANGE_WORDS = Set.of("increase", "rise", "jump", "drop", "decline", "decrease",
            "fall", "gain", "growth", "surge", "cut", "reduction", "hike", "boost", "loss", "plunge", "spike", "dip",
            "slump", "rebound", "uptick", "climb", "raise");
    private static final Set<String> BASE_WORDS = Set.of("from", "over", "than", "since", "compared", "on");
    // Things an amount of money names by itself ("a $1.4 trillion spending bill"): one deal has one price.
    private static final Set<String>PRICED = Set.of("bill", "package", "plan", "deal", "budget", "fine", "settlement",
            "contract", "loan", "bailout", "proposal", "agreement", "fund", "program", "programme", "stimulus",
            "acquisition", "merger", "offer", "bid", "sale", "penalty", "donation", "grant", "ransom", "bond",
            "valuation", "verdict", "award", "judgment", "judgement", "lawsuit", "purchase", "takeover", "buyout",
            "measure", "legislation", "aid", "counteroffer", "request", "payout", "bonus", "salary");
    // Words that make a percentage a forecast or a past value rather than the one reported now.
    private static final Set<String> NOT_REPORTED = Set.of("expected", "expecting", "forecast", "forecasts",
            "projected", "estimate", "estimates", "predicted", "surveyed", "looking", "could", "would", "might", "may",
            "if", "economists", "analysts", "previous", "prior", "earlier", "target");
    // In a level, not a change, these point back to an earlier value ("lowest since 1969, when it was 3.5%").
    private static final Set<String> EARLIER = Set.of("since", "from", "when", "than");

    private final AnchorFinder anchors;

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
        if (CURRENCY_SIGNS.containsKey(s.word(i)) && i + 1 < s.size()) {
            return money(s, i, out);
        }
        if (DIGITS.matcher(lower).matches() || lower.matches("\\d+(?:\\.\\d+)?%")) {
            int taken = moneyAfter(s, i, out);
            if (taken > 0) {
                return taken;
            }
            if (lower.endsWith("%") || i + 1 < s.size() && s.lower(i + 1).matches("percent|per")) {
                return percent(s, i, out);
            }
        }
        return 0;
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
                ClaimValue.Amount.exact(amount, hours ? "hours" : "days"), s.word(i), true)));
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
                ClaimValue.Amount.exact(days, "days"), s.span(i + 1, i + 3), true)));
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
        if (nounAt + 2 < s.size() && s.lower(nounAt + 1).equals("of")) {
            int k = nounAt + 2;
            if (s.lower(k).equals("the") && k + 1 < s.size()) {
                k++;
            }
            object = AnchorFinder.possessiveless(s.lower(k));
        }
        String n = s.lower(i).replaceAll("\\D", "");
        // Only an anniversary or edition names one thing with one number; "first time" does not.
        boolean single = noun.equals("anniversary") || noun.equals("edition") || noun.equals("birthday");
        out.add(ClaimExtractor.claim(s, ClaimKind.ORDINAL, "ordinal|" + noun + "|" + object,
                noun + (object.isEmpty() ? "" : " of " + object), ClaimValue.Amount.exact(Double.parseDouble(n), "th"),
                s.span(i, nounAt + 1), single));
    }

    // "$1.4 trillion", "more than $300 billion"
    private int money(SentenceView s, int i, List<Claim> out) {
        Optional<Quantities.Quantity> q = Quantities.at(s.tokens, i + 1);
        if (q.isEmpty()) {
            return 0;
        }
        Quantities.Quantity quantity = q.get();
        // Hedges sit before the sign: "more than $300 billion".
        Quantities.Quantity hedged = hedgeBefore(s, i, quantity).orElse(quantity);
        int start = Math.min(i, hedged.start());
        addMoney(s, start, quantity.end(), new ClaimValue.Amount(hedged.low(), hedged.high(),
                CURRENCY_SIGNS.get(s.word(i))), out);
        return quantity.end() - i;
    }

    // "300 billion yuan", "5 million dollars"
    private int moneyAfter(SentenceView s, int i, List<Claim> out) {
        Optional<Quantities.Quantity> q = Quantities.at(s.tokens, i);
        if (q.isEmpty() || q.get().end() >= s.size()) {
            return 0;
        }
        String currency = CURRENCY_WORDS.get(s.lower(q.get().end()));
        if (currency == null || currency.equals("KRW") && !s.tokens.get(q.get().end()).text().equals("won")) {
            return 0;
        }
        Quantities.Quantity quantity = q.get();
        addMoney(s, quantity.start(), quantity.end() + 1, new ClaimValue.Amount(quantity.low(), quantity.high(),
                currency), out);
        return quantity.end() + 1 - i;
    }

    private void addMoney(SentenceView s, int start, int end, ClaimValue.Amount value, List<Claim> out) {
        String topic = nounNear(s, start, end);
        if (topic.isEmpty()) {
            return;
        }
        String head = headAfter(s, end);
        boolean priced = PRICED.contains(head) && !s.clauseHas(start, NOT_REPORTED);
        String thing = head.isEmpty() || head.equals(topic) ? topic : topic + " " + head;
        out.add(ClaimExtractor.claim(s, ClaimKind.MONEY, "money|" + topic, "amount of the " + thing, value,
                s.span(start, end), priced));
    }

    // The last noun of the noun group right after an amount: "spending" in "$1.4 trillion spending bill" gives "bill".
    private static String headAfter(SentenceView s, int end) {
        String head = "";
        for (int k = end; k < Math.min(s.size(), end + 4); k++) {
            if (s.isNoun(k) || s.tag(k).equals("PROPN") && s.tokens.get(k).isWord()) {
                head = s.lower(k);
            } else if (!s.tag(k).equals("ADJ") || !head.isEmpty()) {
                break;
            }
        }
        return head;
    }

    private Optional<Quantities.Quantity> hedgeBefore(SentenceView s, int sign, Quantities.Quantity q) {
        // Re-read the hedge as if the number stood where the sign is.
        List<Token> shifted = new ArrayList<>(s.tokens.subList(0, sign));
        shifted.addAll(s.tokens.subList(sign + 1, s.size()));
        return Quantities.at(shifted, sign).filter(h -> h.low() != q.low() || h.high() != q.high())
                .map(h -> new Quantities.Quantity(h.low(), h.high(), h.start(), q.end()));
    }

    private int percent(SentenceView s, int i, List<Claim> out) {
        String lower = s.lower(i);
        String digits = lower.replace("%", "").replace(",", "");
        double value = Double.parseDouble(digits);
        double rounding = Quantities.percentRounding(digits);
        int end = lower.endsWith("%") ? i + 1 : (s.lower(i + 1).equals("per") ? i + 3 : i + 2);
        end = Math.min(end, s.size());
        String topic = nounNear(s, i, end);
        if (topic.isEmpty()) {
            return end - i;
        }
        // "the unemployment rate": the noun before the topic says which rate
        String named = end < s.size() && s.lower(end).equals(topic) || i + 2 < s.size() && s.lower(i + 2).equals(topic)
                ? topic : qualified(s, topic);
        String subject = "percent|" + topic;
        String about = "share: " + named;
        boolean single = true;
        if (CHANGE_WORDS.contains(topic)) {
            // "a 12% increase over the previous month": what rose, and against what.
            String measured = nounBefore(s, i);
            String base = baseline(s, end);
            subject += "|" + measured + "|" + base;
            about = topic + (measured.isEmpty() ? "" : " in " + measured) + (base.isEmpty() ? "" : " " + base);
            single = !base.isEmpty() && !measured.isEmpty();
        }
        boolean forecast = s.clauseHas(i, NOT_REPORTED);
        single = single && !forecast && !(i > 0 && s.lower(i - 1).equals("from"))
                && (CHANGE_WORDS.contains(topic) || !s.clauseHas(i, EARLIER));
        if (forecast) {
            subject += "|forecast"; // expected or earlier figures never stand with the reported one
            about += " (forecast or earlier figure)";
        }
        subject += when(s, i);
        double low = value - rounding;
        double high = value + rounding;
        String before = i > 0 ? s.lower(i - 1) : "";
        if (Set.of("about", "around", "roughly", "nearly", "almost", "approximately").contains(before)) {
            low = value * 0.9;
            high = value * 1.1;
        }
        out.add(ClaimExtractor.claim(s, ClaimKind.PERCENT, subject, about, new ClaimValue.Amount(low, high, "%"),
                s.span(i, end), single));
        return end - i;
    }

    // A month or year in the clause ("in April"): a rate is of a period, and periods must match to compare.
    private static String when(SentenceView s, int i) {
        for (int k = s.clauseStart(i); k < s.clauseEnd(i); k++) {
            if (Places.isCalendarWord(s.word(k)) || s.lower(k).matches("(19|20)\\d{2}")
                    || s.lower(k).matches("quarter|month|week|year")) {
                return "|in:" + s.lower(k);
            }
        }
        return "";
    }

    // "rate" with the noun right before it, wherever it stands in the sentence: "unemployment rate".
    private static String qualified(SentenceView s, String topic) {
        for (int k = 1; k < s.size(); k++) {
            if (s.lower(k).equals(topic) && s.isNoun(k - 1)) {
                return s.lower(k - 1) + " " + topic;
            }
        }
        return topic;
    }

    // The words after "from/over/than" up to the clause's end, at most four: "from february".
    private static String baseline(SentenceView s, int from) {
        for (int k = from; k < Math.min(s.size(), from + 3); k++) {
            if (BASE_WORDS.contains(s.lower(k))) {
                StringBuilder base = new StringBuilder(s.lower(k));
                int end = s.clauseEnd(k);
                for (int m = k + 1; m < Math.min(end, k + 5); m++) {
                    if (s.tokens.get(m).isWord()) {
                        base.append(' ').append(s.lower(m));
                    }
                }
                return base.toString();
            }
        }
        return "";
    }

    private static String nounBefore(SentenceView s, int start) {
        for (int k = start - 1; k >= 0; k--) {
            if (s.isNoun(k) && !CHANGE_WORDS.contains(s.lower(k))) {
                return s.lower(k);
            }
        }
        return "";
    }

    // The noun a money or percentage figure is about: the next noun, else the nearest before it.
    private static String nounNear(SentenceView s, int start, int end) {
        for (int k = end; k < Math.min(s.size(), end + 3); k++) {
            if (s.isNoun(k)) {
                return s.lower(k);
            }
        }
        for (int k = start - 1; k >= 0; k--) {
            if (s.isNoun(k)) {
                return s.lower(k);
            }
        }
        return "";
    }
}
