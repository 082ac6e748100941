package dev.parallax.cluster;

import dev.parallax.text.TermAnalyzer;
import dev.parallax.text.Token;
import dev.parallax.text.WordTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Raw weighted term counts of an article in two blocks: stemmed content words, and the names and
 * numbers that tell two same-kind events apart. The title and the lead weigh more than the tail,
 * and only the first {@link #MAX_CHARS} characters are read (a 5 MB page costs what a long article does).
 */
public final class FeatureExtractor {
    /** Characters of body text read per article; the rest rarely changes which story it is. */
    static final int MAX_CHARS = 20_000;

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*%?");
    private static final String SENTENCE_MARKS = ".!?\"“”:;(‘’'";
    // Function words: capitalised, they open headlines ("The", "In") but name nothing.
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "and", "or", "but", "of", "in",
            "on", "at", "to", "for", "from", "by", "with", "as", "is", "are", "was", "were", "be", "it", "its",
            "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "this", "that", "these", "those",
            "after", "before", "over", "into", "up", "out", "not", "no", "new", "says", "said", "mr", "mrs", "ms");
    // Days and months: capitalised, so names, but they say when, not who or where.
    private static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec");
    private final TermAnalyzer analyzer;
    private final double titleBoost;
    private final double leadBoost;
    private final int leadWords;

    public FeatureExtractor(TermAnalyzer analyzer, double titleBoost, double leadBoost, int leadWords) {
        this.analyzer = analyzer;
        this.titleBoost = titleBoost;
        this.leadBoost = leadBoost;
        this.leadWords = leadWords;
    }

    /**
     * Weighted counts plus what the input checks need: how many words, and how English they look (the
     * share of English function words, and whether another language's outnumber them); and the names (not
     * numbers) the title or lead gives, the ones a report is about.
     */
    public record Counts(Map<String, Double> terms, Map<String, Double> names, int words, double englishShare,
                         boolean mostlyForeign, Set<String> leadNames) {
    }

    public Counts count(ClusterDocument doc) {
        String text = doc.text().length() > MAX_CHARS ? doc.text().substring(0, MAX_CHARS) : doc.text();
        List<Token> tokens = WordTokenizer.tokenize(text);
        String[] lower = lowerCased(tokens);
        List<Token> titleTokens = WordTokenizer.tokenize(doc.title());
        int leadEnd = leadEnd(tokens, text.length());

        Map<String, Double> terms = new HashMap<>();
        addTerms(doc.title(), terms, titleBoost);
        addTerms(text.substring(0, leadEnd), terms, leadBoost);
        addTerms(text.substring(leadEnd), terms, 1.0);

        Map<String, Double> names = new HashMap<>();
        Set<String> leadNames = new HashSet<>();
        addNames(doc.title(), titleTokens, lowerCased(titleTokens), names, titleBoost, Integer.MAX_VALUE, leadNames);
        addNames(text, tokens, lower, names, leadBoost, leadEnd, leadNames);

        List<String> bodyWords = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isWord()) {
                bodyWords.add(lower[i]);
            }
        }
        FunctionWords.Tally tally = FunctionWords.tally(bodyWords);
        int words = bodyWords.size();
        for (Token t : titleTokens) {
            if (t.isWord()) {
                words++;
            }
        }
        return new Counts(terms, names, words, words == 0 ? 0 : tally.english() / (double) words,
                tally.mostlyForeign(), leadNames);
    }

    // Each token lower-cased once: the name rules below ask for it several times a token.
    private static String[] lowerCased(List<Token> tokens) {
        String[] lower = new String[tokens.size()];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = tokens.get(i).lower();
        }
        return lower;
    }

    // Character offset where the lead (its first leadWords words) ends.
    private int leadEnd(List<Token> tokens, int length) {
        int seen = 0;
        for (Token t : tokens) {
            if (t.isWord() && ++seen > leadWords) {
                return t.start();
            }
        }
        return length;
    }

    private void addTerms(String text, Map<String, Double> terms, double weight) {
        if (text.isEmpty()) {
            return;
        }
        for (String t : analyzer.terms(text)) {
            if (!Character.isDigit(t.charAt(0))) {
                terms.merge(t, weight, Double::sum);
            }
        }
    }

    // Capitalised words that do not open a sentence (or that also appear capitalised mid-sentence), and
    // numbers: proper nouns, places, dates, figures. (Whole runs as one name, "jamal williams", scored worse.)
    private static void addNames(String text, List<Token> tokens, String[] lower, Map<String, Double> names,
                                 double leadWeight, int leadEnd, Set<String> leadNames) {
        int n = tokens.size();
        boolean[] start = new boolean[n];
        boolean[] capital = new boolean[n];
        Set<String> midSentence = new HashSet<>();
        Set<String> lowercase = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            start[i] = i == 0 || endsSentence(tokens.get(i - 1).text())
                    || newlineBetween(text, tokens.get(i - 1).end(), t.start());
            capital[i] = t.isCapitalized() && t.text().length() > 1 && !FUNCTION_WORDS.contains(lower[i]);
            if (capital[i] && !start[i]) {
                midSentence.add(lower[i]);
            }
            if (Character.isLowerCase(t.text().charAt(0))) {
                lowercase.add(t.text());
            }
        }
        // A capitalised word the same text also writes in lower case is a headline word, not a name.
        midSentence.removeAll(lowercase);
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            double weight = t.start() < leadEnd ? leadWeight : 1.0;
            if (capital[i] && (!start[i] || midSentence.contains(lower[i])) && !lowercase.contains(lower[i])) {
                names.merge(lower[i], weight, Double::sum);
                if (t.start() < leadEnd && !CALENDAR.contains(lower[i])) {
                    leadNames.add(lower[i]);
                }
            } else if (Character.isDigit(t.text().charAt(0)) && NUMBER.matcher(t.text()).matches()) {
                names.merge("#" + t.text().replace(",", ""), weight, Double::sum);
            }
        }
    }

    private static boolean endsSentence(String token) {
        return token.length() == 1 && SENTENCE_MARKS.indexOf(token.charAt(0)) >= 0;
    }

    private static boolean newlineBetween(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                return true;
            }
        }
        return false;
    }
}
