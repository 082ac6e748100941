package dev.parallax.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.parallax.cluster.ClusterDocument;
import dev.parallax.cluster.ClusterScores;
import dev.parallax.cluster.ClusterSettings;
import dev.parallax.cluster.SemanticSignal;
import dev.parallax.cluster.StreamRun;
import dev.parallax.cluster.TopicCrossValidation;
import dev.parallax.text.TermAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Does a sentence embedding (all-MiniLM-L6-v2, quantised, in process) help story clustering? Streams
 * ECB+ dev with and without the embedding cosine (relative to the neighbourhood's mean) added to the
 * neighbourhood's pairwise similarity,
 * each cross-validated by topic (blend weight and clustering grid tuned on one half, scored on the other),
 * and prints P/R/F1, B-cubed and articles/s (writes target/embedding-signal.txt). Figures are reported,
 * not asserted. Not part of the suite (the name does not end in Test); run it with
 * {@code mvn -B -q -Pembeddings test -Dtest=EmbeddingSignalBench -Dsurefire.failIfNoSpecifiedTests=false} (about 5 minutes;
 * {@code -Dparallax.bench.cv=false} skips the cross-validation).
 */
class EmbeddingSignalBench {
    // The lead carries the event; MiniLM reads ~256 word pieces anyway.
    private static final int EMBEDDED_CHARS = Integer.getInteger("parallax.bench.embeddedChars", 1200);
    private static final double[] WEIGHTS = {0.05, 0.1, 0.2, 0.3, 0.5};

    @Test
    @DisplayName("ECB+ dev clustered with and without the embedding signal, cross-validated by topic")
    void withAndWithoutEmbeddings() throws Exception {
        Path gold = Path.of(System.getProperty("parallax.shared", "../shared"), "data", "ecbplus-dev.jsonl");
        Assumptions.assumeTrue(Files.isRegularFile(gold), gold + " is missing; skipping the embedding bench");
        List<JsonLines.Line> lines = JsonLines.read(gold);
        List<ClusterDocument> docs = ArticleLines.clusterDocuments(lines, "doc_id");
        List<TopicCrossValidation.Labelled> labelled = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            labels.add(lines.get(i).text("story_label", true));
            labelled.add(new TopicCrossValidation.Labelled(docs.get(i), labels.get(i), lines.get(i).text("topic", true)));
        }
        StringBuilder report = new StringBuilder();

        long loadStart = System.nanoTime();
        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        model.embed("warm-up sentence");
        Map<String, float[]> vectors = new HashMap<>();
        long embedStart = System.nanoTime();
        for (ClusterDocument d : docs) {
            vectors.put(d.id(), unit(model.embed(lead(d)).content().vector()));
        }
        double embedSeconds = (System.nanoTime() - embedStart) / 1e9;
        line(report, "model load %.1f s; embedding %d articles (title + first %d chars): %.0f articles/s, one thread",
                loadSeconds, docs.size(), EMBEDDED_CHARS, docs.size() / embedSeconds);

        ClusterSettings settings = ClusterSettings.defaults();
        List<ClusterSettings> grid = TopicCrossValidation.grid(settings);
        try (TermAnalyzer analyzer = new TermAnalyzer()) {
            for (int k = 0; k < 5; k++) {
                StreamRun.of(docs, settings, analyzer); // warm-up, discarded: a cold JIT would favour later runs
            }
            double plainRate = rate(docs, settings, SemanticSignal.NONE, analyzer);
            line(report, "without embeddings, full file, defaults: %s; clustering %.0f articles/s",
                    scores(ClusterScores.score(labels, StreamRun.of(docs, settings, analyzer).finalStory())), plainRate);
            for (double w : WEIGHTS) {
                SemanticSignal signal = new SemanticSignal(d -> vectors.get(d.id()), w);
                double r = rate(docs, settings, signal, analyzer);
                line(report, "with weight %.2f, full file, defaults (untuned, for orientation): %s; clustering %.0f"
                        + " articles/s, %.0f with embedding", w, scores(ClusterScores.score(labels,
                        StreamRun.of(docs, settings, analyzer, signal).finalStory())), r,
                        1 / (1 / r + embedSeconds / docs.size()));
            }
            if (!Boolean.parseBoolean(System.getProperty("parallax.bench.cv", "true"))) {
                Files.writeString(Path.of("target", "embedding-signal.txt"), report);
                return;
            }
            line(report, "cross-validation without embeddings (%d parameter sets):", grid.size());
            folds(report, TopicCrossValidation.run(labelled, grid, analyzer));
            List<SemanticSignal> signals = new ArrayList<>();
            for (double w : WEIGHTS) {
                signals.add(new SemanticSignal(d -> vectors.get(d.id()), w));
            }
            line(report, "cross-validation with embeddings (%d parameter sets x %d blend weights):", grid.size(),
                    WEIGHTS.length);
            folds(report, TopicCrossValidation.run(labelled, grid, signals, analyzer));
        }
        Files.writeString(Path.of("target", "embedding-signal.txt"), report);
        assertThat(vectors).hasSize(docs.size());
    }

    private static String lead(ClusterDocument d) {
        String text = d.title().isBlank() ? d.text() : d.title() + "\n" + d.text();
        return text.length() > EMBEDDED_CHARS ? text.substring(0, EMBEDDED_CHARS) : text;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return out;
    }

    // Best of three runs over the file: the clustering step alone, vectors already computed.
    private static double rate(List<ClusterDocument> docs, ClusterSettings settings, SemanticSignal signal,
                               TermAnalyzer analyzer) {
        double best = 0;
        for (int k = 0; k < 3; k++) {
            long start = System.nanoTime();
            StreamRun.of(docs, settings, analyzer, signal);
            best = Math.max(best, docs.size() / ((System.nanoTime() - start) / 1e9));
        }
        return best;
    }

    private static void folds(StringBuilder report, List<TopicCrossValidation.Fold> folds) {
        for (TopicCrossValidation.Fold f : folds) {
            ClusterSettings c = f.chosen();
            line(report, "  tuned on %s: weight %.2f threshold %.2f neighbourhood %.2f straggler_size %d date_weight %.2f",
                    f.tunedOn(), f.signal().weight(), c.threshold(), c.neighbourhood(), c.straggler(), c.dateWeight());
            line(report, "    %s (tuned)    %s", f.tunedOn(), scores(f.tuned()));
            line(report, "    %s (held out) %s", f.heldOut(), scores(f.held()));
        }
    }

    private static String scores(ClusterScores s) {
        return String.format(Locale.ROOT, "pairwise P %.3f R %.3f F1 %.3f, b-cubed F1 %.3f", s.pairPrecision(),
                s.pairRecall(), s.pairF1(), s.bcubedF1());
    }

    private static void line(StringBuilder report, String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
