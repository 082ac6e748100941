package dev.parallax.cluster;

import java.util.function.Function;

/**
 * An optional dense similarity added to the neighbourhood's pairwise scores: one unit vector per article
 * (for example a sentence embedding; null when there is none), and the weight of a pair's cosine relative
 * to the neighbourhood's mean cosine. {@link #NONE} leaves clustering as it is and embeds nothing.
 */
public record SemanticSignal(Function<ClusterDocument, float[]> embedder, double weight) {
    public static final SemanticSignal NONE = new SemanticSignal(doc -> null, 0);

    public SemanticSignal {
        if (embedder == null) {
            throw new IllegalArgumentException("embedder must not be null");
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("semantic weight must be in [0, 1]: " + weight);
        }
    }

    /** The article's vector, or null when the signal is off. */
    float[] embed(ClusterDocument doc) {
        return weight == 0 ? null : embedder.apply(doc);
    }

    /** Cosine of two unit vectors. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
