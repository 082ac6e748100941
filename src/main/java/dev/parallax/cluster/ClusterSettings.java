package dev.parallax.cluster;

import java.time.Duration;

/**
 * Tuning of the story clusterer.
 *
 * @param threshold  least blended similarity for an article to join an existing story
 * @param nameWeight share of the similarity that comes from names and numbers (the rest from content words)
 * @param window     stories whose newest article is older than this (by publish time) stop taking articles
 * @param maxActive  most stories kept in the working set; the least recently grown leave first
 */
public record ClusterSettings(double threshold, double nameWeight, Duration window, int maxActive) {
    public ClusterSettings {
        if (threshold <= 0 || threshold >= 1) {
            throw new IllegalArgumentException("threshold must be in (0, 1): " + threshold);
        }
        if (nameWeight < 0 || nameWeight > 1) {
            throw new IllegalArgumentException("nameWeight must be in [0, 1]: " + nameWeight);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        if (maxActive < 1) {
            throw new IllegalArgumentException("maxActive must be at least 1: " + maxActive);
        }
    }

    public static ClusterSettings defaults() {
        return new ClusterSettings(0.30, 0.5, Duration.ofDays(3), 5_000);
    }
}
