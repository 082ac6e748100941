package dev.parallax.digest;

import dev.parallax.model.Article;
import dev.parallax.store.StoryStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Analysed story briefs, each built once per version of its story (the list of its articles) and
 * shared by everyone who shows it: digests for a thousand channels on one schedule cost one
 * analysis per story, and a digest's buttons sending many people to the same story at once share
 * a single analysis too. Least recently used briefs are dropped beyond the capacity.
 */
public final class BriefCache {
    private final StoryStore stories;
    private final DigestService digests;
    private final Map<String, StoryBrief> cache;
    private final Map<Version, CompletableFuture<Optional<StoryBrief>>> building = new ConcurrentHashMap<>();

    public BriefCache(StoryStore stories, DigestService digests, int capacity) {
        this.stories = stories;
        this.digests = digests;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StoryBrief> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The story's brief, or empty when there is no such story (or it has no articles left). */
    public Optional<StoryBrief> brief(String storyId) {
        Version version = new Version(storyId, stories.articleIds(storyId));
        if (version.articleIds().isEmpty()) {
            return Optional.empty();
        }
        Optional<StoryBrief> hit = cached(version);
        if (hit.isPresent()) {
            return hit;
        }
        CompletableFuture<Optional<StoryBrief>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<StoryBrief>> running = building.putIfAbsent(version, mine);
        if (running != null) {
            return running.join();
        }
        try {
            // Another caller may have finished this very analysis since the first look.
            Optional<StoryBrief> built = cached(version);
            if (built.isEmpty()) {
                built = digests.build(List.of(storyId)).stories().stream().findFirst();
            }
            built.ifPresent(b -> {
                synchronized (cache) {
                    cache.put(storyId, b);
                }
            });
            mine.complete(built);
            return built;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            building.remove(version, mine);
        }
    }

    /** The briefs of these stories (those that still have articles), most covered first. */
    public List<StoryBrief> of(Collection<String> storyIds) {
        List<StoryBrief> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(storyIds)) {
            brief(id).ifPresent(out::add);
        }
        out.sort(Comparator.comparingInt((StoryBrief b) -> -b.articles().size()).thenComparing(StoryBrief::id));
        return out;
    }

    private Optional<StoryBrief> cached(Version version) {
        synchronized (cache) {
            StoryBrief hit = cache.get(version.storyId());
            return hit != null && articleIds(hit).equals(version.articleIds()) ? Optional.of(hit) : Optional.empty();
        }
    }

    private static List<String> articleIds(StoryBrief brief) {
        return brief.articles().stream().map(Article::id).toList();
    }

    // Two requests for the same story in the same state wait for one analysis.
    private record Version(String storyId, List<String> articleIds) {
    }
}
