package dev.parallax.summarize.llm;

import dev.parallax.model.Article;
import dev.parallax.text.Token;
import dev.parallax.text.WordTokenizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the sources say, as far as a generated sentence can be checked: every number, date word and
 * name in the sentence must occur in some source. "three" is backed by "3" and the reverse; "Aug"
 * by "August". {@link #unsupported} names the first word that is not backed.
 */
final class SourceFacts {
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"),
            Map.entry("thirteen", "13"), Map.entry("fourteen", "14"), Map.entry("fifteen", "15"),
            Map.entry("sixteen", "16"), Map.entry("seventeen", "17"), Map.entry("eighteen", "18"),
            Map.entry("nineteen", "19"), Map.entry("twenty", "20"), Map.entry("thirty", "30"), Map.entry("forty", "40"),
            Map.entry("fifty", "50"), Map.entry("sixty", "60"), Map.entry("seventy", "70"), Map.entry("eighty", "80"),
            Map.entry("ninety", "90"), Map.entry("hundred", "100"), Map.entry("thousand", "1000"),
            Map.entry("million", "1000000"), Map.entry("billion", "1000000000"), Map.entry("trillion", "1000000000000"),
            Map.entry("dozen", "12"), Map.entry("dozens", "dozens"), Map.entry("hundreds", "hundreds"),
            Map.entry("thousands", "thousands"), Map.entry("millions", "millions"), Map.entry("first", "1st"),
            Map.entry("second", "2nd"), Map.entry("third", "3rd"), Map.entry("half", "half"));
    private static final Map<String, String> DATE_WORDS = Map.ofEntries(
            Map.entry("monday", "monday"), Map.entry("tuesday", "tuesday"), Map.entry("wednesday", "wednesday"),
            Map.entry("thursday", "thursday"), Map.entry("friday", "friday"), Map.entry("saturday", "saturday"),
            Map.entry("sunday", "sunday"), Map.entry("january", "jan"), Map.entry("jan", "jan"),
            Map.entry("february", "feb"), Map.entry("feb", "feb"), Map.entry("march", "mar"),
            Map.entry("april", "apr"), Map.entry("apr", "apr"), Map.entry("may", "may"), Map.entry("june", "jun"),
            Map.entry("july", "jul"), Map.entry("august", "aug"), Map.entry("aug", "aug"),
            Map.entry("september", "sep"), Map.entry("sept", "sep"), Map.entry("sep", "sep"),
            Map.entry("october", "oct"), Map.entry("oct", "oct"), Map.entry("november", "nov"),
            Map.entry("nov", "nov"), Map.entry("december", "dec"), Map.entry("dec", "dec"),
            Map.entry("yesterday", "yesterday"), Map.entry("today", "today"), Map.entry("tomorrow", "tomorrow"),
            Map.entry("tonight", "tonight"));
    // Capitalised at the start of a sentence without being a name.
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "in", "on", "at", "after", "before",
            "but", "and", "as", "while", "when", "this", "that", "these", "those", "it", "its", "he", "she", "they",
            "his", "her", "their", "there", "both", "all", "some", "many", "most", "several", "meanwhile", "however",
            "according", "during", "since", "with", "without", "for", "of", "by", "from", "officials", "critics",
            "supporters", "sources", "analysts", "experts", "lawmakers", "police", "authorities", "we", "i");

    private final Set<String> words = new HashSet<>();
    private final Set<String> lowerCaseWords = new HashSet<>();
    private final Set<String> numbers = new HashSet<>();
    private final Set<String> dates = new HashSet<>();

    SourceFacts(List<Article> articles) {
        for (Article a : articles) {
            add(a.title());
            add(a.body());
        }
    }

    private void add(String text) {
        for (Token t : WordTokenizer.tokenize(text)) {
            if (!t.isWord()) {
                continue;
            }
            String lower = bare(t.lower());
            words.add(lower);
            if (!t.isCapitalized()) {
                lowerCaseWords.add(lower);
            }
            number(lower).ifPresent(numbers::add);
            Optional.ofNullable(DATE_WORDS.get(lower)).ifPresent(dates::add);
        }
    }

    /** The first number, date word or name in the sentence that no source has, if any. */
    Optional<String> unsupported(String sentence) {
        List<Token> tokens = WordTokenizer.tokenize(sentence);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.isWord()) {
                continue;
            }
            String lower = bare(t.lower());
            Optional<String> number = number(lower);
            if (number.isPresent()) {
                if (!numbers.contains(number.get())) {
                    return Optional.of(t.text());
                }
                continue;
            }
            String date = DATE_WORDS.get(lower);
            if (date != null && t.isCapitalized()) {
                if (!dates.contains(date)) {
                    return Optional.of(t.text());
                }
                continue;
            }
            if (isName(t, tokens, i, lower) && !words.contains(lower)) {
                return Optional.of(t.text());
            }
        }
        return Optional.empty();
    }

    // A capitalised word is a name unless it opens the sentence (or a quote) as an ordinary word.
    private boolean isName(Token t, List<Token> tokens, int i, String lower) {
        if (!t.isCapitalized() || t.text().equals("I")) {
            return false;
        }
        boolean opening = i == 0 || tokens.get(i - 1).text().matches("[“\"(:—-]");
        return !opening || !FUNCTION_WORDS.contains(lower) && !lowerCaseWords.contains(lower);
    }

    // "1,400" and "1400" are one number; "three" and "3" too; "80th" is "80".
    private static Optional<String> number(String lower) {
        String mapped = NUMBER_WORDS.get(lower);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        if (!Character.isDigit(lower.charAt(0))) {
            return Optional.empty();
        }
        String n = lower.replace(",", "").replaceAll("(st|nd|rd|th|s|%)$", "");
        return Optional.of(n.replaceAll("\\.0+$", ""));
    }

    private static String bare(String lower) {
        return lower.replaceAll("['’]s$", "").toLowerCase(Locale.ROOT);
    }
}
