package dev.parallax.cluster;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One block of features (content words, or names and numbers): term ids and the document frequencies
 * learned from the stream itself, which turn raw counts into unit TF-IDF vectors.
 *
 * <p>A block may assume {@code priorDocuments} reports before the stream that held none of its terms. A
 * short stream then weighs its terms as a long one would: without the prior, a name seen in 20 of 200
 * reports weighs much less against a name seen once than it does among 2,000 reports, so where the
 * similarity threshold falls would depend on how long the stream has run.
 *
 * <p>A block may instead have a floor: until the stream holds {@code floorDocuments} reports, it weighs
 * as if it held that many, the missing ones holding none of its terms. Only the start of a stream changes.
 */
final class FeatureSpace {
    // Counts are mostly small whole numbers (1 a mention, the lead boost on top): their tf, looked up.
    private static final double[] TF_OF_WHOLE = new double[64];

    static {
        for (int i = 0; i < TF_OF_WHOLE.length; i++) {
            TF_OF_WHOLE[i] = logTf(i);
        }
    }

    private final Map<String, Integer> ids = new HashMap<>();
    private int[] df = new int[1024];
    private final int priorDocuments;
    private final int floorDocuments;
    private int documents;

    FeatureSpace() {
        this(0, 0);
    }

    FeatureSpace(int priorDocuments) {
        this(priorDocuments, 0);
    }

    FeatureSpace(int priorDocuments, int floorDocuments) {
        if (priorDocuments < 0 || floorDocuments < 0) {
            throw new IllegalArgumentException("prior and floor documents must not be negative: " + priorDocuments
                    + ", " + floorDocuments);
        }
        this.priorDocuments = priorDocuments;
        this.floorDocuments = floorDocuments;
    }

    /** Counts the document in the frequencies and returns its counts by term id. */
    TermCounts learn(Map<String, Double> counts) {
        documents++;
        // Id in the high half, the count's bits in the low half: one sort orders both by id.
        long[] packed = new long[counts.size()];
        int n = 0;
        for (Map.Entry<String, Double> e : counts.entrySet()) {
            int id = idOf(e.getKey());
            df[id]++;
            packed[n++] = ((long) id << 32) | (Float.floatToIntBits(e.getValue().floatValue()) & 0xffffffffL);
        }
        Arrays.sort(packed);
        int[] termIds = new int[n];
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            termIds[i] = (int) (packed[i] >>> 32);
            values[i] = Float.intBitsToFloat((int) packed[i]);
        }
        return new TermCounts(termIds, values);
    }

    /** Counts the document in the frequencies, then weighs it: (1 + ln tf) x smoothed idf. */
    SparseVector learnAndWeigh(Map<String, Double> counts) {
        return weigh(learn(counts));
    }

    /** The unit TF-IDF vector of counts with the frequencies known now. */
    SparseVector weigh(TermCounts counts) {
        double[] w = new double[counts.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = tf(counts.counts()[i]) * idf(counts.ids()[i]);
        }
        return SparseVector.unitSorted(counts.ids(), w);
    }

    static double tf(float count) {
        int whole = (int) count;
        if (whole == count && whole >= 0 && whole < TF_OF_WHOLE.length) {
            return TF_OF_WHOLE[whole];
        }
        return logTf(count);
    }

    private static double logTf(double count) {
        return 1 + Math.log(Math.max(count, 1.0));
    }

    double idf(int id) {
        int f = id < df.length ? df[id] : 0;
        return Math.log((Math.max(documents + priorDocuments, floorDocuments) + 1.0) / (f + 1.0)) + 1.0;
    }

    /** The id of a term already learned, or -1. */
    int known(String term) {
        Integer id = ids.get(term);
        return id == null ? -1 : id;
    }

    int documents() {
        return documents;
    }

    int vocabulary() {
        return ids.size();
    }

    private int idOf(String term) {
        Integer id = ids.get(term);
        if (id == null) {
            id = ids.size();
            ids.put(term, id);
            if (id >= df.length) {
                df = Arrays.copyOf(df, df.length * 2);
            }
        }
        return id;
    }
}
