package dev.parallax.cluster;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One block of features (content words, or names and numbers): term ids and the document frequencies
 * learned from the stream itself, which turn raw counts into unit TF-IDF vectors.
 */
final class FeatureSpace {
    private final Map<String, Integer> ids = new HashMap<>();
    private int[] df = new int[1024];
    private int documents;

    /** Counts the document in the frequencies and returns its counts by term id. */
    TermCounts learn(Map<String, Double> counts) {
        documents++;
        int[] termIds = new int[counts.size()];
        int n = 0;
        for (String term : counts.keySet()) {
            int id = idOf(term);
            df[id]++;
            termIds[n++] = id;
        }
        Arrays.sort(termIds);
        float[] values = new float[n];
        // Ids are unique per document, so a second pass can look each one's count up by term.
        Map<Integer, Double> byId = new HashMap<>(n * 2);
        counts.forEach((term, c) -> byId.put(ids.get(term), c));
        for (int i = 0; i < n; i++) {
            values[i] = byId.get(termIds[i]).floatValue();
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
        return 1 + Math.log(Math.max(count, 1.0));
    }

    double idf(int id) {
        int f = id < df.length ? df[id] : 0;
        return Math.log((documents + 1.0) / (f + 1.0)) + 1.0;
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
