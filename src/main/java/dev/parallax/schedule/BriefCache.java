package dev.parallax.schedule;

import dev.parallax.digest.DigestService;
import dev.parallax.digest.StoryBrief;
import dev.parallax.model.Article;
import dev.parallax.store.StoryStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Story briefs for digests, each analysed once per version of the story (its list of articles)
 * however many channels show it: a thousand channels on one schedule cost one analysis per story.
 */
public final class BriefCache {
    private final StoryStore stories;
    private final DigestService digests;
    private final Map<String, StoryBrief> cache;

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

    /** The briefs of these stories, most covered first. */
    public synchronized List<StoryBrief> of(Collection<String> storyIds) {
        List<StoryBrief> out = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (String id : storyIds) {
            StoryBrief cached = cache.get(id);
            if (cached != null && articleIds(cached).equals(stories.articleIds(id))) {
                out.add(cached);
            } else {
                stale.add(id);
            }
        }
        for (StoryBrief fresh : digests.build(stale).stories()) {
            cache.put(fresh.id(), fresh);
            out.add(fresh);
        }
        out.sort(Comparator.comparingInt((StoryBrief b) -> -b.articles().size()).thenComparing(StoryBrief::id));
        return out;
    }

    private static List<String> articleIds(StoryBrief brief) {
        return brief.articles().stream().map(Article::id).toList();
    }
}
