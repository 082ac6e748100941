package dev.parallax.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

/** Splits text into sentences: paragraphs first (lines), then OpenNLP's English sentence model. */
public final class SentenceSplitter {
    private static final String MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
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
            for (String s : detector.get().sentDetect(p)) {
                String t = s.strip();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
