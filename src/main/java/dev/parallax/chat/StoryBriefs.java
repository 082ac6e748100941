package dev.parallax.chat;

import dev.parallax.digest.DigestService;
import dev.parallax.digest.StoryBrief;
import dev.parallax.store.SearchStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Story briefs for commands, kept while the story is unchanged: analysing a story takes a while,
 * and a digest's buttons send many people to the same few stories at once, so concurrent requests
 * for one story also share a single analysis.
 */
public final class StoryBriefs {
    private final DigestService digests;
    private final SearchStore search;
    private final Map<String, Cached> cache;
    private final Map<Key, CompletableFuture<Optional<StoryBrief>>> building = new ConcurrentHashMap<>();

    public StoryBriefs(DigestService digests, SearchStore search, int capacity) {
        this.digests = digests;
        this.search = search;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The story's brief, or empty when no such story (or it has no articles left). */
    public Optional<StoryBrief> brief(String storyId) {
        Optional<SearchStore.StoryRow> row = search.story(storyId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Key key = new Key(storyId, row.get().updatedAt(), row.get().outlets());
        synchronized (cache) {
            Cached hit = cache.get(storyId);
            if (hit != null && hit.key.equals(key)) {
                return Optional.of(hit.brief);
            }
        }
        CompletableFuture<Optional<StoryBrief>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<StoryBrief>> running = building.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            Optional<StoryBrief> built = digests.build(List.of(storyId)).stories().stream().findFirst();
            built.ifPresent(b -> {
                synchronized (cache) {
                    cache.put(storyId, new Cached(key, b));
                }
            });
            mine.complete(built);
            return built;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            building.remove(key, mine);
        }
    }

    private record Key(String storyId, Instant updatedAt, int outlets) {
    }

    private record Cached(Key key, StoryBrief brief) {
    }
}
