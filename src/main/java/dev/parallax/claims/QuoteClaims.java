package dev.parallax.claims;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Attributed quotations: “...,” said Dr. Elena Rodina; Xi said: “...”; “...,” according to the
 * Kremlin. A quote whose speaker is not named (or is only "an official") is left out: an
 * attribution we cannot state is not a claim we can compare.
 */
final class QuoteClaims {
    private static final Set<String> OPENING = Set.of("“", "\"");
    private static final Set<String> CLOSING = Set.of("”", "\"");
    private static final Set<String> SAYING = Set.of("said", "says", "told", "added", "wrote", "tweeted", "stated",
            "declared", "insisted", "warned", "argued", "explained", "noted", "asked", "replied", "urged");
    private static final int MIN_WORDS = 4;

    void in(SentenceView s, List<Claim> out) {
        for (int open = 0; open < s.size(); open++) {
            if (!OPENING.contains(s.word(open))) {
                continue;
            }
            int close = closing(s, open);
            if (close < 0) {
                return; // the quote runs on past this sentence
            }
            int words = 0;
            for (int k = open + 1; k < close; k++) {
                words += s.tokens.get(k).isWord() ? 1 : 0;
            }
            final int from = open;
            if (words >= MIN_WORDS) {
                speaker(s, open, close).ifPresent(name -> {
                    String key = AnchorFinder.possessiveless(name.substring(name.lastIndexOf(' ') + 1));
                    String text = s.text.substring(s.tokens.get(from + 1).start(), s.tokens.get(close - 1).end())
                            .replaceAll("[,.]$", "");
                    out.add(ClaimExtractor.claim(s, ClaimKind.QUOTE, "quote|" + key, "what " + name + " said",
                            new ClaimValue.Quote(key, text), "“" + text + "”", false));
                });
            }
            open = close;
        }
    }

    private static int closing(SentenceView s, int open) {
        for (int k = open + 1; k < s.size(); k++) {
            if (CLOSING.contains(s.word(k)) && (!s.word(k).equals("\"") || k > open + 1)) {
                return k;
            }
        }
        return -1;
    }

    // The named speaker right after the quote ("..., said X", "..., X said") or right before it ("X said: ...").
    private static Optional<String> speaker(SentenceView s, int open, int close) {
        int k = close + 1;
        if (k < s.size() && s.word(k).equals(",")) {
            k++;
        }
        if (k < s.size() && SAYING.contains(s.lower(k))) {
            return name(s, k + 1, true);
        }
        if (k + 1 < s.size() && s.lower(k).equals("according") && s.lower(k + 1).equals("to")) {
            return name(s, k + 2, true);
        }
        Optional<String> before = name(s, k, true);
        if (before.isPresent()) {
            int after = k + before.get().split(" ").length;
            if (after < s.size() && SAYING.contains(s.lower(after))) {
                return before;
            }
        }
        int b = open - 1;
        if (b >= 0 && (s.word(b).equals(":") || s.word(b).equals(",") || s.lower(b).equals("that"))) {
            b--;
        }
        if (b >= 1 && SAYING.contains(s.lower(b))) {
            return nameEndingAt(s, b - 1);
        }
        return Optional.empty();
    }

    // A run of capitalised words at k ("Dr. Elena Rodina"), or "he"/"she" standing for the story's last named actor.
    private static Optional<String> name(SentenceView s, int k, boolean pronounOk) {
        if (k >= s.size()) {
            return Optional.empty();
        }
        String lower = s.lower(k);
        if (pronounOk && (lower.equals("he") || lower.equals("she")) && !s.carriedActor().isEmpty()) {
            return Optional.of(ClaimExtractor.capitalize(s.carriedActor()));
        }
        int end = k;
        while (end < s.size() && (s.isName(end) || s.word(end).equals(".") && end > k) && end - k < 5) {
            end++;
        }
        while (end > k && !s.tokens.get(end - 1).isWord()) {
            end--;
        }
        if (end == k || !s.tag(end - 1).equals("PROPN") && !s.tokens.get(end - 1).isCapitalized()) {
            return Optional.empty();
        }
        return Optional.of(s.span(k, end).replaceAll("['’]s$", ""));
    }

    private static Optional<String> nameEndingAt(SentenceView s, int last) {
        if (last < 0) {
            return Optional.empty();
        }
        String lower = s.lower(last);
        if ((lower.equals("he") || lower.equals("she")) && !s.carriedActor().isEmpty()) {
            return Optional.of(ClaimExtractor.capitalize(s.carriedActor()));
        }
        int start = last;
        while (start >= 0 && s.isName(start) && last - start < 4) {
            start--;
        }
        if (start == last) {
            return Optional.empty();
        }
        return Optional.of(s.span(start + 1, last + 1));
    }
}
