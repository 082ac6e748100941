package dev.parallax.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stories the clusterer can still add to, and the inverted index that finds the few worth scoring
 * for an article. Bounded two ways: stories whose newest article is older than the window leave, and
 * past {@code maxActive} the least recently grown story leaves. Leaving only forgets it here: what was
 * stored stays stored.
 */
final class WorkingSet {
    private final Duration window;
    private final int maxActive;
    private final int maxCandidates;
    // Insertion order = least recently grown first, for eviction.
    private final LinkedHashMap<String, StoryState> active = new LinkedHashMap<>();
    private final Map<Integer, Set<StoryState>> storiesByKey = new HashMap<>();
    private Instant lastEvictionScan;

    WorkingSet(Duration window, int maxActive, int maxCandidates) {
        this.window = window;
        this.maxActive = maxActive;
        this.maxCandidates = maxCandidates;
    }

    StoryState get(String id) {
        return active.get(id);
    }

    boolean contains(String id) {
        return active.containsKey(id);
    }

    /** The story that holds the article, or null; a scan, for the rare moves other instances made. */
    StoryState holding(String articleId) {
        for (StoryState s : active.values()) {
            if (s.articleIds.contains(articleId)) {
                return s;
            }
        }
        return null;
    }

    int size() {
        return active.size();
    }

    /** Adds a story (or replaces the one with its id); {@link #trim()} restores the bound afterwards. */
    void put(StoryState story) {
        StoryState old = active.put(story.id, story);
        if (old != null && old != story) {
            unindex(old);
        }
    }

    void remove(StoryState story) {
        unindex(story);
        active.remove(story.id);
    }

    /** Marks the story as just grown, so it is the last to leave. */
    void touch(StoryState story) {
        active.remove(story.id);
        active.put(story.id, story);
    }

    void index(StoryState story, int[] keys) {
        for (int key : keys) {
            if (story.indexKeys.add(key)) {
                storiesByKey.computeIfAbsent(key, k -> new HashSet<>()).add(story);
            }
        }
    }

    /** Stories sharing at least one key, at most {@code maxCandidates}: those sharing most keys first. */
    List<StoryState> candidates(int[] keys) {
        Map<StoryState, Integer> shared = new HashMap<>();
        for (int key : keys) {
            Set<StoryState> stories = storiesByKey.get(key);
            if (stories != null) {
                for (StoryState s : stories) {
                    shared.merge(s, 1, Integer::sum);
                }
            }
        }
        if (shared.size() <= maxCandidates) {
            return new ArrayList<>(shared.keySet());
        }
        return shared.entrySet().stream()
                .sorted(Map.Entry.<StoryState, Integer>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().id))
                .limit(maxCandidates).map(Map.Entry::getKey).toList();
    }

    // Scans at most 24 times per window of stream time, so the cost per article stays flat.
    void evictOlderThanWindow(Instant now) {
        if (now == null) {
            return;
        }
        if (lastEvictionScan != null && now.isBefore(lastEvictionScan.plus(window.dividedBy(24)))) {
            return;
        }
        lastEvictionScan = now;
        Instant horizon = now.minus(window);
        List<StoryState> old = new ArrayList<>();
        for (StoryState s : active.values()) {
            if (s.newest != null && s.newest.isBefore(horizon)) {
                old.add(s);
            }
        }
        old.forEach(this::remove);
    }

    /** Lets the least recently grown stories go until the set is within its bound. */
    void trim() {
        while (active.size() > maxActive) {
            remove(active.values().iterator().next());
        }
    }

    private void unindex(StoryState story) {
        for (int key : story.indexKeys) {
            Set<StoryState> stories = storiesByKey.get(key);
            if (stories != null) {
                stories.remove(story);
                if (stories.isEmpty()) {
                    storiesByKey.remove(key);
                }
            }
        }
    }
}
