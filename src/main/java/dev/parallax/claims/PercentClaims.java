package dev.parallax.claims;

import java.util.List;
import java.util.Set;

/**
 * Percentages: "unemployment fell to 5.4%", "a 12% increase over the previous month". A change is
 * only comparable with one of the same thing against the same baseline; forecasts and earlier
 * figures are kept apart from the reported one; a month or year in the clause is part of what the
 * figure is about.
 */
final class PercentClaims {
    // Nouns of change: a percentage of change needs its baseline to be compared.
    private static final Set<String> CHANGE_WORDS = Set.of("increase", "rise", "jump", "drop", "decline", "decrease",
            "fall", "gain", "growth", "surge", "cut", "reduction", "hike", "boost", "loss", "plunge", "spike", "dip",
            "slump", "rebound", "uptick", "climb", "raise");
    // Nouns a percentage is the value of, named by the noun before them ("unemployment rate").
    private static final Set<String> RATES = Set.of("rate", "share", "percentage", "proportion", "ratio", "turnout",
            "rating", "margin", "yield", "level");
    private static final Set<String> BASE_WORDS = Set.of("from", "over", "than", "since", "compared", "on");
    // Words that make a percentage a forecast or a past value rather than the one reported now.
    private static final Set<String> NOT_REPORTED = Set.of("expected", "expecting", "forecast", "forecasts",
            "projected", "estimate", "estimates", "predicted", "surveyed", "looking", "could", "would", "might", "may",
            "if", "economists", "analysts", "previous", "prior", "earlier", "target");
    // In a level, not a change, these point back to an earlier value ("lowest since 1969, when it was 3.5%").
    private static final Set<String> EARLIER = Set.of("since", "from", "when", "than");

    int at(SentenceView s, int i, List<Claim> out) {
        String lower = s.lower(i);
        boolean number = lower.matches("\\d+(?:,\\d{3})*(?:\\.\\d+)?%?");
        if (number && (lower.endsWith("%") || i + 1 < s.size() && s.lower(i + 1).matches("percent|per"))) {
            return percent(s, i, out);
        }
        return 0;
    }

    private int percent(SentenceView s, int i, List<Claim> out) {
        String lower = s.lower(i);
        String digits = lower.replace("%", "").replace(",", "");
        double value = Double.parseDouble(digits);
        double rounding = Quantities.percentRounding(digits);
        int end = lower.endsWith("%") ? i + 1 : (s.lower(i + 1).equals("per") ? i + 3 : i + 2);
        end = Math.min(end, s.size());
        String topic = MoneyClaims.nounNear(s, i, end);
        if (topic.isEmpty()) {
            return end - i;
        }
        // "the unemployment rate": the noun before the topic says which rate
        String named = end < s.size() && s.lower(end).equals(topic) || i + 2 < s.size() && s.lower(i + 2).equals(topic)
                ? topic : qualified(s, topic);
        String subject = "percent|" + topic;
        // "a 50% tariff on India" is the tariff's own figure, "49% of respondents" their share, "the
        // unemployment rate ... 5.4%" a rate; a noun found further off may not be what the figure is of.
        boolean attached = end < s.size() && s.lower(end).equals(topic);
        boolean share = end + 1 < s.size() && s.lower(end).equals("of") && s.lower(end + 1).equals(topic);
        boolean clear = attached || share || !named.equals(topic) && RATES.contains(topic);
        String about = attached ? attached(s, end) : share ? "share of " + attached(s, end + 1)
                : !named.equals(topic) && RATES.contains(topic) ? named : "share: " + named;
        boolean single = true;
        if (CHANGE_WORDS.contains(topic)) {
            // "a 12% increase over the previous month": what rose, and against what.
            String measured = nounBefore(s, i);
            String base = baseline(s, end);
            subject += "|" + measured + "|" + base;
            about = topic + (measured.isEmpty() ? "" : " in " + measured) + (base.isEmpty() ? "" : " " + base);
            single = !base.isEmpty() && !measured.isEmpty();
            clear = single;
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
                s.span(i, end), single, clear));
        return end - i;
    }

    // The noun right after the figure with what it is on, of or in, as written: "tariff on India".
    private static String attached(SentenceView s, int topicAt) {
        int end = topicAt + 1;
        if (end + 1 < s.size() && Set.of("on", "of", "in", "for").contains(s.lower(end))) {
            int k = end + 1;
            int last = -1;
            for (; k < Math.min(s.size(), end + 4) && s.tokens.get(k).isWord(); k++) {
                String tag = s.tag(k);
                if (tag.equals("NOUN") || tag.equals("PROPN")) {
                    last = k;
                } else if (!tag.equals("DET") && !tag.equals("ADJ")) {
                    break;
                }
            }
            if (last > 0 && !s.word(last).chars().anyMatch(Character::isDigit)) {
                end = last + 1;
            }
        }
        return s.span(topicAt, end);
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
}
