package dev.parallax.claims;

import dev.parallax.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Money with its currency and scale: "$1.4 trillion", "more than $300 billion", "300 billion
 * yuan". Only an amount that names a priced thing ("a $1.4 trillion spending bill") has one true
 * value; "$60bn of goods" is a total that another outlet may count differently.
 */
final class MoneyClaims {
    private static final Pattern DIGITS = Pattern.compile("\\d+(?:,\\d{3})*(?:\\.\\d+)?");
    private static final Map<String, String> CURRENCY_SIGNS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY");
    private static final Map<String, String> CURRENCY_WORDS = Map.ofEntries(Map.entry("dollars", "USD"),
            Map.entry("euros", "EUR"), Map.entry("pounds", "GBP"), Map.entry("yuan", "CNY"),
            Map.entry("renminbi", "CNY"), Map.entry("rubles", "RUB"), Map.entry("roubles", "RUB"),
            Map.entry("rupees", "INR"), Map.entry("yen", "JPY"), Map.entry("won", "KRW"), Map.entry("pesos", "MXN"),
            Map.entry("usd", "USD"), Map.entry("eur", "EUR"), Map.entry("gbp", "GBP"), Map.entry("cny", "CNY"));
    // Things an amount of money names by itself ("a $1.4 trillion spending bill"): one deal has one price.
    private static final Set<String> PRICED = Set.of("bill", "package", "plan", "deal", "budget", "fine", "settlement",
            "contract", "loan", "bailout", "proposal", "agreement", "fund", "program", "programme", "stimulus",
            "acquisition", "merger", "offer", "bid", "sale", "penalty", "donation", "grant", "ransom", "bond",
            "valuation", "verdict", "award", "judgment", "judgement", "lawsuit", "purchase", "takeover", "buyout",
            "measure", "legislation", "aid", "counteroffer", "request", "payout", "bonus", "salary");
    // "$350 billion in funding Thursday morning": a time is not what the money is of.
    private static final Set<String> TIMES = Set.of("morning", "afternoon", "evening", "night", "day", "week",
            "month", "year", "today", "yesterday", "tomorrow");
    // Words that make an amount a forecast or an estimate rather than the price.
    private static final Set<String> NOT_REPORTED = Set.of("expected", "expecting", "forecast", "forecasts",
            "projected", "estimate", "estimates", "predicted", "surveyed", "looking", "could", "would", "might", "may",
            "if", "economists", "analysts", "previous", "prior", "earlier", "target");

    int at(SentenceView s, int i, List<Claim> out) {
        if (CURRENCY_SIGNS.containsKey(s.word(i)) && i + 1 < s.size()) {
            return money(s, i, out);
        }
        return DIGITS.matcher(s.lower(i)).matches() ? moneyAfter(s, i, out) : 0;
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
        // "amount of the bill" says what was paid; "amount of the year", from a noun somewhere near, does not.
        boolean clear = (!head.isEmpty() || PRICED.contains(topic)) && !TIMES.contains(head);
        out.add(ClaimExtractor.claim(s, ClaimKind.MONEY, "money|" + topic, "amount of the " + thing, value,
                s.span(start, end), priced, clear));
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

    // The noun a money or percentage figure is about: the next noun, else the nearest before it.
    static String nounNear(SentenceView s, int start, int end) {
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
