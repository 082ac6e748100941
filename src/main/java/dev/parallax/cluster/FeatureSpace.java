package dev.parallax.cluster;

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

    /** Counts the document in the frequencies, then weighs it: (1 + ln tf) x smoothed idf. */
    SparseVector learnAndWeigh(Map<String, Double> counts) {
        documents++;
        Map<Integer, Double> raw = new HashMap<>(counts.size() * 2);
        for (Map.Entry<String, Double> e : counts.entrySet()) {
            int id = idOf(e.getKey());
            df[id]++;
            raw.put(id, e.getValue());
        }
        raw.replaceAll((id, tf) -> (1 + Math.log(Math.max(tf, 1.0))) * idf(id));
        return SparseVector.unit(raw);
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
                df = java.util.Arrays.copyOf(df, df.length * 2);
            }
        }
        return id;
    }
}
