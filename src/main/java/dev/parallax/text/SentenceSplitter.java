package dev.parallax.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * Splits text into sentences: paragraphs first (lines), then OpenNLP's English sentence model, then
 * a repair pass that rejoins the model's cuts after titles and abbreviations ("Sen. | Bernie
 * Sanders", "on Jan. | 29"), which news text is full of.
 */
public final class SentenceSplitter {
    private static final String MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    // A title, "v." or an initial ("George W.") never ends a sentence: the name goes on.
    private static final Pattern BEFORE_NAME = Pattern.compile("(?s).*(?:\\b(?:Sen|Sens|Rep|Reps|Gov|Govs|Gen|Lt|Col"
            + "|Sgt|Capt|Cmdr|Adm|Maj|Dr|Mr|Mrs|Ms|Prof|Rev|Hon|Pres|Supt|Det|Atty|Rt|v|vs)\\.|(?:^|[\\s(])\\p{Lu}\\.)$");
    // A month or "No." goes on when a number follows ("Jan. | 29", "No. | 2").
    private static final Pattern BEFORE_NUMBER = Pattern.compile(
            "(?s).*\\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|No|Nos)\\.$");
    private static final SentenceModel SHARED_MODEL = load();

    // SentenceDetectorME is not thread-safe; the model is.
    private final ThreadLocal<SentenceDetectorME> detector =
            ThreadLocal.withInitial(() -> new SentenceDetectorME(SHARED_MODEL));

    private static SentenceModel load() {
        try (InputStream in = SentenceSplitter.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("sentence model missing from classpath: " + MODEL);
            }
            return new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sentences of every paragraph, in order, trimmed, empty ones dropped. */
    public List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            String p = paragraph.strip();
            if (p.isEmpty()) {
                continue;
            }
            int paragraphStart = out.size();
            for (String s : detector.get().sentDetect(p)) {
                String t = s.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (out.size() > paragraphStart && continues(out.get(out.size() - 1), t)) {
                    out.set(out.size() - 1, out.get(out.size() - 1) + " " + t);
                } else {
                    out.add(t);
                }
            }
        }
        return out;
    }

    // A cut after a title or initial, between a month and its day, or before a lower-case word, is no sentence end.
    private static boolean continues(String previous, String next) {
        int first = next.codePointAt(0);
        return BEFORE_NAME.matcher(previous).matches() || Character.isLowerCase(first)
                || Character.isDigit(first) && BEFORE_NUMBER.matcher(previous).matches();
    }
}
