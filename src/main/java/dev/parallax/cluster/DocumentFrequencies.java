package dev.parallax.cluster;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Document frequencies learned from the stream itself, for inverse-document-frequency weights. */
final class DocumentFrequencies {
    private final Map<String, Integer> df = new HashMap<>();
    private int documents;

    void add(Collection<String> distinctTerms) {
        documents++;
        for (String t : distinctTerms) {
            df.merge(t, 1, Integer::sum);
        }
    }

    /** Smoothed idf: rare terms weigh more, a term in every document still weighs a little. */
    double idf(String term) {
        return Math.log((documents + 1.0) / (df.getOrDefault(term, 0) + 1.0)) + 1.0;
    }

    int documents() {
        return documents;
    }
}
