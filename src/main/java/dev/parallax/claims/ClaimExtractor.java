package dev.parallax.claims;

import dev.parallax.model.Article;
import dev.parallax.text.PosTagger;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.Token;
import dev.parallax.text.WordTokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Extracts the claims of a story's articles: days of the week, years, counts with their noun,
 * money, percentages, lengths ("four-day"), ordinals ("80th anniversary") and places, each tied to
 * the event it belongs to. Extraction is per story because a place is recognised from the way the
 * whole story uses the name ("in Beijing" somewhere makes "the Beijing summit" a place).
 */
public final class ClaimExtractor {
    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");
    private static final Set<String> LOCATIVE = Set.of("in", "at", "through", "near", "inside", "outside");
    private static final Set<String> PLACE_TYPES = Set.of("city", "town", "village", "province", "region",
            "capital", "port", "state", "district", "county", "island", "resort", "suburb");
    private static final Set<String> TIME_UNITS = Set.of("day", "days", "week", "weeks", "month", "months", "year",
            "years", "hour", "hours", "minute", "minutes", "decade", "decades", "night", "nights");
    private static final Set<String> NEUTRAL_MODIFIERS = Set.of("other", "more", "some", "such", "additional",
            "further", "of", "the");
    private static final Set<String> PARTICIPANTS = Set.of("leaders", "countries", "nations", "states",
            "heads", "delegations", "delegates", "presidents", "leader", "country", "nation");
    private static final Set<String> ANAPHORIC = Set.of("the", "both", "these", "those", "their", "its", "his",
            "her", "our", "all");
    private static final Pattern DIGITS = Pattern.compile("\\d+(?:,\\d{3})*(?:\\.\\d+)?");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    private static final Pattern COMPOUND_LENGTH = Pattern.compile(
            "(?i)(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|thirty)-(day|week|month|year|hour)");
    private static final Pattern ORDINAL = Pattern.compile("(?i)\\d+(st|nd|rd|th)");
    private static final Map<String, Integer> SMALL_NUMBERS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("fourteen", 14), Map.entry("thirty", 30));
    private static final Map<String, Integer> UNIT_DAYS = Map.of("day", 1, "week", 7, "month", 30, "year", 365);
    private static final Map<String, String> CURRENCY_SIGNS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY");
    private static final Map<String, String> CURRENCY_WORDS = Map.of("dollars", "USD", "euros", "EUR",
            "pounds", "GBP", "yuan", "CNY", "rubles", "RUB", "roubles", "RUB", "rupees", "INR", "yen", "JPY");

    private final SentenceSplitter splitter;
    private final PosTagger tagger;
    private final AnchorFinder anchors = new AnchorFinder();

    public ClaimExtractor(SentenceSplitter splitter, PosTagger tagger) {
        this.splitter = splitter;
        this.tagger = tagger;
    }

    /** All claims of all the articles, in article and sentence order. */
    public List<Claim> extract(List<Article> articles) {
        List<SentenceView> sentences = new ArrayList<>();
        for (Article article : articles) {
            String actor = "";
            for (String text : splitter.split(article.body())) {
                List<Token> tokens = WordTokenizer.tokenize(text);
                if (tokens.isEmpty()) {
                    continue;
                }
                SentenceView view = new SentenceView(article.id(), text, tokens, tagger.tag(tokens), actor);
                sentences.add(view);
                actor = firstName(view).orElse(actor);
            }
        }
        Set<String> storyPlaces = new HashSet<>();
        for (SentenceView s : sentences) {
            for (int i = 0; i < s.size(); i++) {
                locativePlace(s, i).ifPresent(p -> storyPlaces.add(p.name.toLowerCase(Locale.ROOT)));
            }
        }
        List<Claim> claims = new ArrayList<>();
        for (SentenceView s : sentences) {
            extractFrom(s, storyPlaces, claims);
        }
        return claims;
    }

    private void extractFrom(SentenceView s, Set<String> storyPlaces, List<Claim> out) {
        boolean[] used = new boolean[s.size()];
        for (int idx = 0; idx < s.size(); idx++) {
            final int i = idx;
            String lower = s.lower(i);
            if (WEEKDAYS.contains(lower) && s.tokens.get(i).isCapitalized()) {
                String day = capitalize(lower);
                anchors.find(s, i, i + 1, AnchorFinder.Mode.EVENT).ifPresent(a -> out.add(claim(s, ClaimKind.WEEKDAY,
                        "day|" + a.subject(), (a.verb() ? "day " : "day of ") + a.describe(), new ClaimValue.Label(day), s.word(i))));
            } else if (YEAR.matcher(lower).matches() && isDatedYear(s, i)) {
                used[i] = true;
                anchors.find(s, i, i + 1, AnchorFinder.Mode.EVENT).ifPresent(a -> out.add(claim(s, ClaimKind.YEAR,
                        "year|" + a.subject(), (a.verb() ? "year " : "year of ") + a.describe(), new ClaimValue.Label(lower), s.word(i))));
            } else if (COMPOUND_LENGTH.matcher(lower).matches()) {
                used[i] = true;
                length(s, i, out);
            } else if ((lower.equals("for") || lower.equals("lasting")) && i + 2 < s.size()
                    && TIME_UNITS.contains(s.lower(i + 2)) && isNumber(s.lower(i + 1))) {
                mark(used, i, i + 3);
                spanLength(s, i, out);
            } else if (ORDINAL.matcher(lower).matches()) {
                ordinal(s, i, out);
            } else if (CURRENCY_SIGNS.containsKey(s.word(i)) && i + 1 < s.size()) {
                money(s, i, CURRENCY_SIGNS.get(s.word(i)), used, out);
            } else if (lower.endsWith("%") || i + 1 < s.size() && DIGITS.matcher(lower).matches()
                    && s.lower(i + 1).matches("percent|per")) {
                percent(s, i, used, out);
            } else if (LOCATIVE.contains(lower)) {
                locativePlace(s, i).ifPresent(p -> place(s, p, out));
            } else if (storyPlaces.contains(lower) && i > 0 && s.lower(i - 1).equals("the") && i + 1 < s.size()
                    && EventWords.isEventNoun(s.lower(i + 1)) && !Places.isCountryOrRegion(lower)) {
                // "the Beijing summit": a place the story names elsewhere, modifying an event noun.
                Anchor a = new Anchor(EventWords.key(s.lower(i + 1)), s.lower(i + 1), false, "", "");
                out.add(claim(s, ClaimKind.PLACE, "place|" + a.subject(), (a.verb() ? "where " : "place of ") + a.describe(),
                        new ClaimValue.Label(s.word(i)), s.span(i, i + 2)));
            }
        }
        for (int i = 0; i < s.size(); i++) {
            if (!used[i]) {
                count(s, i, used, out);
            }
        }
    }

    // A year, not a count: "in 2022", "February 2022", "since 2017".
    private static boolean isDatedYear(SentenceView s, int i) {
        if (i == 0) {
            return false;
        }
        String before = s.lower(i - 1);
        return before.equals("in") || before.equals("since") || before.equals("of") && i > 1
                || Places.isCalendarWord(before);
    }

    private void length(SentenceView s, int i, List<Claim> out) {
        String[] parts = s.lower(i).split("-");
        int n = parts[0].chars().allMatch(Character::isDigit) ? Integer.parseInt(parts[0])
                : SMALL_NUMBERS.get(parts[0]);
        int days = n * UNIT_DAYS.getOrDefault(parts[1], 1);
        String unit = parts[1].equals("hour") ? "hours" : "days";
        double amount = parts[1].equals("hour") ? n : days;
        Optional<Anchor> anchor = anchors.nounAfter(s, i + 1, 6)
                .or(() -> anchors.find(s, i, i + 1, AnchorFinder.Mode.EVENT));
        anchor.ifPresent(a -> out.add(claim(s, ClaimKind.DURATION, "length|" + a.key() + qual(a),
                lengthAbout(a),
                ClaimValue.Amount.exact(amount, unit), s.word(i))));
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
        anchors.find(s, i, i + 3, AnchorFinder.Mode.EVENT).ifPresent(a -> out.add(claim(s, ClaimKind.DURATION,
                "length|" + a.key() + qual(a), lengthAbout(a),
                ClaimValue.Amount.exact(days, "days"), s.span(i + 1, i + 3))));
    }

    // "length of the visit" reads better than "length of the stay" when both align on the key "visit".
    private static String lengthAbout(Anchor a) {
        return "length of " + (a.verb() ? "the " + (a.key().equals("visit") ? "visit" : a.surface()) : a.describe());
    }

    private static boolean isNumber(String lower) {
        return lower.matches("\\d{1,3}") || SMALL_NUMBERS.containsKey(lower);
    }

    private void ordinal(SentenceView s, int i, List<Claim> out) {
        if (i + 1 >= s.size() || !s.tokens.get(i + 1).isWord()) {
            return;
        }
        String noun = s.lower(i + 1);
        String object = "";
        if (i + 3 < s.size() && s.lower(i + 2).equals("of")) {
            int k = i + 3;
            if (s.lower(k).equals("the") && k + 1 < s.size()) {
                k++;
            }
            object = AnchorFinder.possessiveless(s.lower(k));
        }
        String n = s.lower(i).replaceAll("\\D", "");
        out.add(claim(s, ClaimKind.ORDINAL, "ordinal|" + noun + "|" + object,
                noun + (object.isEmpty() ? "" : " of " + object), ClaimValue.Amount.exact(Double.parseDouble(n), "th"),
                s.span(i, i + 2)));
    }

    private void money(SentenceView s, int i, String currency, boolean[] used, List<Claim> out) {
        Optional<Quantities.Quantity> q = Quantities.at(s.tokens, i + 1);
        q.ifPresent(quantity -> {
            // Hedges sit before the sign: "more than $300 billion".
            Quantities.Quantity hedged = hedgeBefore(s, i, quantity).orElse(quantity);
            int start = Math.min(i, hedged.start());
            mark(used, i, quantity.end());
            String topic = nounNear(s, start, quantity.end());
            out.add(claim(s, ClaimKind.MONEY, "money|" + topic, "amount of " + topic,
                    new ClaimValue.Amount(hedged.low(), hedged.high(), currency), s.span(start, quantity.end())));
        });
    }

    private Optional<Quantities.Quantity> hedgeBefore(SentenceView s, int sign, Quantities.Quantity q) {
        // Re-read the hedge as if the number stood where the sign is.
        List<Token> shifted = new ArrayList<>(s.tokens.subList(0, sign));
        shifted.addAll(s.tokens.subList(sign + 1, s.size()));
        return Quantities.at(shifted, sign).filter(h -> h.low() != q.low() || h.high() != q.high())
                .map(h -> new Quantities.Quantity(h.low(), h.high(), h.start(), q.end()));
    }

    private void percent(SentenceView s, int i, boolean[] used, List<Claim> out) {
        String lower = s.lower(i);
        double value = Double.parseDouble(lower.replace("%", "").replace(",", ""));
        int end = lower.endsWith("%") ? i + 1 : (s.lower(i + 1).equals("per") ? i + 3 : i + 2);
        end = Math.min(end, s.size());
        mark(used, i, end);
        String topic = nounNear(s, i, end);
        out.add(claim(s, ClaimKind.PERCENT, "percent|" + topic, "share: " + topic,
                ClaimValue.Amount.exact(value, "%"), s.span(i, end)));
    }

    private void count(SentenceView s, int i, boolean[] used, List<Claim> out) {
        if (!DIGITS.matcher(s.lower(i)).matches() && !SMALL_NUMBERS.containsKey(s.lower(i))
                && !s.lower(i).equals("a") && !s.lower(i).startsWith("dozen") && !s.lower(i).equals("hundreds")
                && !s.lower(i).equals("thousands")) {
            return;
        }
        Optional<Quantities.Quantity> found = Quantities.at(s.tokens, i);
        if (found.isEmpty() || s.lower(i).equals("one")) {
            return;
        }
        Quantities.Quantity q = found.get();
        if (q.start() > 0 && ANAPHORIC.contains(s.lower(q.start() - 1)) && q.start() == i) {
            return; // "the two nations" refers back; it states no quantity
        }
        int j = q.end();
        if (j < s.size() && s.lower(j).equals("of")) {
            j++; // "dozens of leaders"
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
        if (head == null || TIME_UNITS.contains(head)) {
            return;
        }
        mark(used, q.start(), nounEnd);
        String noun = modifiers.isEmpty() && PARTICIPANTS.contains(head) ? "participants"
                : String.join(" ", modifiers) + (modifiers.isEmpty() ? "" : " ") + head;
        String shown = noun.equals("participants") ? "leaders or countries" : noun;
        int start = q.start();
        int end = nounEnd;
        anchors.find(s, start, end, AnchorFinder.Mode.NOUN_ONLY).ifPresent(a -> out.add(claim(s, ClaimKind.COUNT,
                "count|" + a.key() + qual(a) + "|" + noun, "number of " + shown + " at " + a.describe(),
                new ClaimValue.Amount(q.low(), q.high(), noun), s.span(start, end))));
    }

    private void place(SentenceView s, FoundPlace p, List<Claim> out) {
        if (Places.isCountryOrRegion(p.name)) {
            return;
        }
        anchors.find(s, p.start, p.end, AnchorFinder.Mode.PLACE).ifPresent(a -> out.add(claim(s, ClaimKind.PLACE,
                "place|" + a.key() + qual(a), (a.verb() ? "where " : "place of ") + a.describe(), new ClaimValue.Label(p.name),
                s.span(p.start, p.end))));
    }

    private record FoundPlace(String name, int start, int end) {
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
                return nameRun(s, m + 2, i);
            }
            if (!s.tokens.get(m).isWord()) {
                break;
            }
        }
        return nameRun(s, k, i);
    }

    private static Optional<FoundPlace> nameRun(SentenceView s, int k, int start) {
        int end = k;
        while (end < s.size() && s.tokens.get(end).isCapitalized() && s.tokens.get(end).isWord()
                && !s.word(end).matches("[A-Z]{2,}") && !s.tag(end).equals("PRON")) {
            end++;
            if (s.word(end - 1).matches(".*['’]s")) {
                return Optional.empty(); // "in Xi's words": a person, not a place
            }
        }
        if (end == k || end - k > 3) {
            return Optional.empty();
        }
        String name = s.span(k, end);
        if (Places.isCalendarWord(name)) {
            return Optional.empty();
        }
        return Optional.of(new FoundPlace(name, start, end));
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

    private static Optional<String> firstName(SentenceView s) {
        for (int i = 0; i < s.size(); i++) {
            if (s.tag(i).equals("PROPN") && s.tokens.get(i).isWord()) {
                int k = i;
                while (k + 1 < s.size() && s.tag(k + 1).equals("PROPN")) {
                    k++;
                }
                return Optional.of(AnchorFinder.possessiveless(s.lower(k)));
            }
        }
        return Optional.empty();
    }

    private static String qual(Anchor a) {
        return a.qualifier().isEmpty() ? "" : "+with:" + a.qualifier();
    }

    private static void mark(boolean[] used, int from, int to) {
        for (int k = Math.max(0, from); k < Math.min(used.length, to); k++) {
            used[k] = true;
        }
    }

    private static Claim claim(SentenceView s, ClaimKind kind, String subject, String about, ClaimValue value,
                               String surface) {
        return new Claim(s.articleId, kind, subject, about, value, surface, s.text);
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
