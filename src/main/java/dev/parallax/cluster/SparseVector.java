package dev.parallax.cluster;

import java.util.HashMap;
import java.util.Map;

/** A sparse term-weight vector with its norm cached after {@link #normalize()}. */
final class SparseVector {
    private final Map<String, Double> weights;

    SparseVector() {
        this(new HashMap<>());
    }

    private SparseVector(Map<String, Double> weights) {
        this.weights = weights;
    }

    void add(String term, double weight) {
        weights.merge(term, weight, Double::sum);
    }

    void addAll(SparseVector other, double scale) {
        other.weights.forEach((t, w) -> weights.merge(t, w * scale, Double::sum));
    }

    Map<String, Double> weights() {
        return weights;
    }

    boolean isEmpty() {
        return weights.isEmpty();
    }

    double norm() {
        double sum = 0;
        for (double w : weights.values()) {
            sum += w * w;
        }
        return Math.sqrt(sum);
    }

    SparseVector normalize() {
        double n = norm();
        Map<String, Double> out = new HashMap<>(weights.size() * 2);
        if (n > 0) {
            weights.forEach((t, w) -> out.put(t, w / n));
        }
        return new SparseVector(out);
    }

    /** Dot product; iterates over the smaller vector. */
    double dot(SparseVector other) {
        Map<String, Double> small = weights.size() <= other.weights.size() ? weights : other.weights;
        Map<String, Double> large = small == weights ? other.weights : weights;
        double sum = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double w = large.get(e.getKey());
            if (w != null) {
                sum += w * e.getValue();
            }
        }
        return sum;
    }
}
