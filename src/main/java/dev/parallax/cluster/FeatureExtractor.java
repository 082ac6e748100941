package dev.parallax.cluster;

import dev.parallax.text.TermAnalyzer;
import dev.parallax.text.Token;
import dev.parallax.text.WordTokenizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Raw term counts of a document in two blocks: stemmed content words (title counted twice, as the
 * lead is), and the names and numbers that tell two same-kind events apart.
 */
final class FeatureExtractor {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*%?");
    private static final double TITLE_BOOST = 2.0;

    private final TermAnalyzer analyzer;

    FeatureExtractor(TermAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    record Counts(Map<String, Double> terms, Map<String, Double> names) {
    }

    Counts count(ClusterDocument doc) {
        Map<String, Double> terms = new HashMap<>();
        for (String t : analyzer.terms(doc.title())) {
            terms.merge(t, TITLE_BOOST, Double::sum);
        }
        for (String t : analyzer.terms(doc.text())) {
            terms.merge(t, 1.0, Double::sum);
        }
        Map<String, Double> names = new HashMap<>();
        addNames(doc.title(), names, TITLE_BOOST);
        addNames(doc.text(), names, 1.0);
        return new Counts(terms, names);
    }

    // Capitalised words that do not open a sentence, and numbers: proper nouns, places, dates, figures.
    private static void addNames(String text, Map<String, Double> names, double weight) {
        List<Token> tokens = WordTokenizer.tokenize(text);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean sentenceStart = i == 0 || tokens.get(i - 1).text().matches("[.!?\"“”:]");
            if (NUMBER.matcher(t.text()).matches()) {
                names.merge("#" + t.text(), weight, Double::sum);
            } else if (t.isCapitalized() && !sentenceStart && t.text().length() > 1) {
                names.merge(t.text().toLowerCase(Locale.ROOT), weight, Double::sum);
            }
        }
    }
}
