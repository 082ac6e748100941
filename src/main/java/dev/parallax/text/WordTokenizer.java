package dev.parallax.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small, fast, predictable tokenizer: words (with inner apostrophes, hyphens, dots), numbers, marks. */
public final class WordTokenizer {
    // Numbers like 1,200.5 or 50%; words like U.S., state-run, Xi's; then any single non-space mark.
    private static final Pattern TOKEN = Pattern.compile(
            "\\d+(?:[.,]\\d+)*%?|(?:\\p{L}\\.){2,}|\\p{L}[\\p{L}\\p{M}\\d]*(?:[-'’][\\p{L}\\d]+)*|\\S");
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private WordTokenizer() {
    }

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(new Token(m.group(), m.start(), m.end()));
        }
        return tokens;
    }

    /** Lower-cased {@code \w+} runs: the tokenization ROUGE and shingling use. */
    public static List<String> lowerWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
