package dev.parallax.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Tuning of the story clusterer. Defaults were chosen by cross-validation over ECB+ dev topics (see
 * {@code parallax eval cluster --cv}); see config/parallax.toml for what each key does.
 *
 * @param threshold      least similarity for an article to join a story at all
 * @param dateWeight     added to the similarity when an article's date falls within a week of a story's
 *                       dates, taken off when it is two months or more away (0 ignores dates)
 * @param nameWeight     share of the similarity that comes from names and numbers (the rest from content words)
 * @param leadBoost      weight of the title and the first {@code leadWords} words over the rest of the text
 * @param leadWords      how many words of the body count as the lead
 * @param mergeThreshold two active stories whose centroids are at least this similar become one
 * @param splitThreshold a story whose two halves are less similar than this is split in two
 * @param window         stories whose newest article is older than this (by publish time) stop taking articles
 * @param maxActive      most stories kept in the working set; the least recently grown leave first
 * @param maxCandidates  most stories scored in full per article, the ones sharing most index keys first
 */
public record ClusterSettings(double threshold, double dateWeight, double nameWeight, double leadBoost,
                              int leadWords, double mergeThreshold, double splitThreshold, Duration window,
                              int maxActive, int maxCandidates) {
    public ClusterSettings {
        unit("threshold", threshold);
        unit("name_weight", nameWeight);
        unit("merge_threshold", mergeThreshold);
        unit("split_threshold", splitThreshold);
        unit("date_weight", dateWeight);
        if (leadBoost < 1 || leadBoost > 10) {
            throw new IllegalArgumentException("lead_boost must be in [1, 10]: " + leadBoost);
        }
        if (leadWords < 0) {
            throw new IllegalArgumentException("lead_words must not be negative: " + leadWords);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window_hours must be positive: " + window);
        }
        if (maxActive < 1) {
            throw new IllegalArgumentException("max_active_stories must be at least 1: " + maxActive);
        }
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("max_candidates must be at least 1: " + maxCandidates);
        }
    }

    private static void unit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
        }
    }

    public static ClusterSettings defaults() {
        return new ClusterSettings(0.35, 0.1, 0.7, 2.0, 50, 0.6, 0.0, Duration.ofDays(3), 5_000, 50);
    }

    /** Reads the [cluster] section; a missing key keeps its default. */
    public static ClusterSettings from(JsonNode section) {
        ClusterSettings d = defaults();
        return new ClusterSettings(
                section.path("threshold").asDouble(d.threshold),
                section.path("date_weight").asDouble(d.dateWeight),
                section.path("name_weight").asDouble(d.nameWeight),
                section.path("lead_boost").asDouble(d.leadBoost),
                section.path("lead_words").asInt(d.leadWords),
                section.path("merge_threshold").asDouble(d.mergeThreshold),
                section.path("split_threshold").asDouble(d.splitThreshold),
                Duration.ofHours(section.path("window_hours").asLong(d.window.toHours())),
                section.path("max_active_stories").asInt(d.maxActive),
                section.path("max_candidates").asInt(d.maxCandidates));
    }

    public ClusterSettings withThreshold(double value) {
        return new ClusterSettings(value, dateWeight, nameWeight, leadBoost, leadWords, mergeThreshold,
                splitThreshold, window, maxActive, maxCandidates);
    }

    public ClusterSettings withDateWeight(double value) {
        return new ClusterSettings(threshold, value, nameWeight, leadBoost, leadWords, mergeThreshold,
                splitThreshold, window, maxActive, maxCandidates);
    }

    public ClusterSettings withNameWeight(double value) {
        return new ClusterSettings(threshold, dateWeight, value, leadBoost, leadWords, mergeThreshold,
                splitThreshold, window, maxActive, maxCandidates);
    }

    public ClusterSettings withLead(double boost, int words) {
        return new ClusterSettings(threshold, dateWeight, nameWeight, boost, words, mergeThreshold,
                splitThreshold, window, maxActive, maxCandidates);
    }

    public ClusterSettings withRepair(double merge, double split) {
        return new ClusterSettings(threshold, dateWeight, nameWeight, leadBoost, leadWords, merge, split,
                window, maxActive, maxCandidates);
    }

    public ClusterSettings withWorkingSet(Duration newWindow, int newMaxActive, int newMaxCandidates) {
        return new ClusterSettings(threshold, dateWeight, nameWeight, leadBoost, leadWords, mergeThreshold,
                splitThreshold, newWindow, newMaxActive, newMaxCandidates);
    }
}
