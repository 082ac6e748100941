package dev.parallax.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Tuning of the story clusterer. Defaults were chosen by cross-validation over ECB+ dev topics (see
 * {@code parallax eval cluster --cv}); see config/parallax.toml for what each key does.
 *
 * @param threshold      least average similarity (neighbourhood weights) for two groups of articles to be one story
 * @param neighbourhood  least similarity of an article to a story's centroid for that story to be re-clustered with it
 * @param attach         share of the threshold a straggler must average with a larger group to join it
 * @param straggler      groups smaller than this are stragglers, attached member by member to a larger group
 * @param hold           a straggler with group mates joins a larger group only if it averages at least this share of
 *                       what it averages with its mates (0: the larger group always wins)
 * @param localWeight    how strongly a term shared across the neighbourhood is discounted (0 = not at all)
 * @param dateWeight     added to a pair's similarity when their dates are within a week, taken off when two
 *                       months or more apart (0 ignores dates)
 * @param nameWeight     share of the similarity that comes from names and numbers (the rest from content words)
 * @param leadBoost      weight of the title and the first {@code leadWords} words over the rest of the text
 * @param leadWords      how many words of the body count as the lead
 * @param stories        most candidate stories re-clustered with an article
 * @param members        most recent members of each candidate story taken into the re-clustering
 * @param window         stories whose newest article is older than this (by publish time) stop taking articles
 * @param maxActive      most stories kept in the working set; the least recently grown leave first
 * @param maxCandidates  most stories scored in full per article, the ones sharing most index keys first
 * @param protagonistReports fewest reports on each side for a group to be split as two protagonists'
 *                       events ({@link ProtagonistSplit}); 0 turns the check off
 */
public record ClusterSettings(double threshold, double neighbourhood, double attach, int straggler, double hold,
                              double localWeight, double dateWeight, double nameWeight, double leadBoost, int leadWords,
                              int stories, int members, Duration window, int maxActive, int maxCandidates,
                              int protagonistReports) {
    public ClusterSettings {
        unit("threshold", threshold);
        unit("neighbourhood", neighbourhood);
        unit("attach", attach);
        unit("straggler_hold", hold);
        unit("name_weight", nameWeight);
        unit("date_weight", dateWeight);
        if (straggler < 1 || straggler > 10) {
            throw new IllegalArgumentException("straggler_size must be in [1, 10]: " + straggler);
        }
        if (!(localWeight >= 0 && localWeight <= 2)) {
            throw new IllegalArgumentException("local_weight must be in [0, 2]: " + localWeight);
        }
        if (leadBoost < 1 || leadBoost > 10) {
            throw new IllegalArgumentException("lead_boost must be in [1, 10]: " + leadBoost);
        }
        if (leadWords < 0) {
            throw new IllegalArgumentException("lead_words must not be negative: " + leadWords);
        }
        if (stories < 1 || stories > 20) {
            throw new IllegalArgumentException("neighbourhood_stories must be in [1, 20]: " + stories);
        }
        if (members < 1 || members > StoryState.KEPT_MEMBERS) {
            throw new IllegalArgumentException("neighbourhood_members must be in [1, " + StoryState.KEPT_MEMBERS
                    + "]: " + members);
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
        if (protagonistReports != 0 && (protagonistReports < 3 || protagonistReports > StoryState.KEPT_MEMBERS)) {
            throw new IllegalArgumentException("protagonist_reports must be 0 (off) or in [3, " + StoryState.KEPT_MEMBERS
                    + "]: " + protagonistReports);
        }
    }

    private static void unit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
        }
    }

    public static ClusterSettings defaults() {
        return new ClusterSettings(0.15, 0.25, 0.3, 5, 0.5, 0.3, 0.05, 0.65, 2.0, 50, 4, 16, Duration.ofDays(3), 5_000,
                50, 5);
    }

    /** Reads the [cluster] section; a missing key keeps its default. */
    public static ClusterSettings from(JsonNode section) {
        ClusterSettings d = defaults();
        return new ClusterSettings(
                section.path("threshold").asDouble(d.threshold),
                section.path("neighbourhood").asDouble(d.neighbourhood),
                section.path("attach").asDouble(d.attach),
                section.path("straggler_size").asInt(d.straggler),
                section.path("straggler_hold").asDouble(d.hold),
                section.path("local_weight").asDouble(d.localWeight),
                section.path("date_weight").asDouble(d.dateWeight),
                section.path("name_weight").asDouble(d.nameWeight),
                section.path("lead_boost").asDouble(d.leadBoost),
                section.path("lead_words").asInt(d.leadWords),
                section.path("neighbourhood_stories").asInt(d.stories),
                section.path("neighbourhood_members").asInt(d.members),
                Duration.ofHours(section.path("window_hours").asLong(d.window.toHours())),
                section.path("max_active_stories").asInt(d.maxActive),
                section.path("max_candidates").asInt(d.maxCandidates),
                section.path("protagonist_reports").asInt(d.protagonistReports));
    }

    public ClusterSettings withThreshold(double value) {
        return new ClusterSettings(value, neighbourhood, attach, straggler, hold, localWeight, dateWeight, nameWeight,
                leadBoost, leadWords, stories, members, window, maxActive, maxCandidates, protagonistReports);
    }

    public ClusterSettings withNeighbourhood(double bar, int maxStories, int maxMembers) {
        return new ClusterSettings(threshold, bar, attach, straggler, hold, localWeight, dateWeight, nameWeight,
                leadBoost, leadWords, maxStories, maxMembers, window, maxActive, maxCandidates, protagonistReports);
    }

    public ClusterSettings withHold(double value) {
        return new ClusterSettings(threshold, neighbourhood, attach, straggler, value, localWeight, dateWeight,
                nameWeight, leadBoost, leadWords, stories, members, window, maxActive, maxCandidates,
                protagonistReports);
    }

    public ClusterSettings withAttach(double value, int size) {
        return new ClusterSettings(threshold, neighbourhood, value, size, hold, localWeight, dateWeight, nameWeight,
                leadBoost, leadWords, stories, members, window, maxActive, maxCandidates, protagonistReports);
    }

    public ClusterSettings withLocalWeight(double value) {
        return new ClusterSettings(threshold, neighbourhood, attach, straggler, hold, value, dateWeight, nameWeight,
                leadBoost, leadWords, stories, members, window, maxActive, maxCandidates, protagonistReports);
    }

    public ClusterSettings withDateWeight(double value) {
        return new ClusterSettings(threshold, neighbourhood, attach, straggler, hold, localWeight, value, nameWeight,
                leadBoost, leadWords, stories, members, window, maxActive, maxCandidates, protagonistReports);
    }

    public ClusterSettings withNameWeight(double value) {
        return new ClusterSettings(threshold, neighbourhood, attach, straggler, hold, localWeight, dateWeight, value,
                leadBoost, leadWords, stories, members, window, maxActive, maxCandidates, protagonistReports);
    }

    public ClusterSettings withLead(double boost, int words) {
        return new ClusterSettings(threshold, neighbourhood, attach, straggler, hold, localWeight, dateWeight,
                nameWeight, boost, words, stories, members, window, maxActive, maxCandidates, protagonistReports);
    }

    public ClusterSettings withProtagonistReports(int value) {
        return new ClusterSettings(threshold, neighbourhood, attach, straggler, hold, localWeight, dateWeight,
                nameWeight, leadBoost, leadWords, stories, members, window, maxActive, maxCandidates, value);
    }

    public ClusterSettings withWorkingSet(Duration newWindow, int newMaxActive, int newMaxCandidates) {
        return new ClusterSettings(threshold, neighbourhood, attach, straggler, hold, localWeight, dateWeight,
                nameWeight, leadBoost, leadWords, stories, members, newWindow, newMaxActive, newMaxCandidates,
                protagonistReports);
    }
}
