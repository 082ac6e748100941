package dev.parallax.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;

/** Universal Dependencies part-of-speech tags (NOUN, VERB, PROPN, NUM...) from OpenNLP's English model. */
public final class PosTagger {
    private static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private static volatile POSModel sharedModel;

    private final ThreadLocal<POSTaggerME> tagger = ThreadLocal.withInitial(() -> new POSTaggerME(model()));

    private static POSModel model() {
        POSModel m = sharedModel;
        if (m == null) {
            synchronized (PosTagger.class) {
                if (sharedModel == null) {
                    sharedModel = load();
                }
                m = sharedModel;
            }
        }
        return m;
    }

    private static POSModel load() {
        try (InputStream in = PosTagger.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("POS model missing from classpath: " + MODEL);
            }
            return new POSModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String[] tag(List<Token> tokens) {
        String[] words = tokens.stream().map(Token::text).toArray(String[]::new);
        return tagger.get().tag(words);
    }
}
