package dev.parallax.cluster;

import dev.parallax.model.Article;
import dev.parallax.store.ArticleStore;
import dev.parallax.store.StoryStore;
import dev.parallax.text.TermAnalyzer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts stored articles into stories. The clusterer's working set is rebuilt from the store once, on
 * first use (the recent assignments; older stories stay in SQLite only), and then kept: each call
 * only weighs the articles that arrived since, so its cost follows the new articles, not the store.
 * Merges and splits that new evidence calls for are applied to the store as they happen.
 */
public final class ClusterService {
    private final ArticleStore articles;
    private final StoryStore stories;
    private final ClusterSettings settings;
    private final TermAnalyzer analyzer;
    private final InstantSource clock;
    private StoryClusterer clusterer;

    public ClusterService(ArticleStore articles, StoryStore stories, ClusterSettings settings, TermAnalyzer analyzer,
                          InstantSource clock) {
        this.articles = articles;
        this.stories = stories;
        this.settings = settings;
        this.analyzer = analyzer;
        this.clock = clock;
    }

    /** Assigns every unassigned article of the working window; returns the story id of each given article. */
    public synchronized Map<String, String> cluster(List<String> articleIds) {
        Instant since = clock.instant().minus(settings.window().multipliedBy(2));
        if (clusterer == null) {
            clusterer = restore(since);
        }
        Set<String> pendingIds = new LinkedHashSet<>(stories.unassignedSince(since));
        Map<String, String> given = stories.storiesOf(articleIds);
        for (String id : articleIds) {
            if (!given.containsKey(id)) {
                pendingIds.add(id); // asked for, though ingested before the window
            }
        }
        for (Article a : articles.byIds(pendingIds)) {
            stories.assign(clusterer.add(toDocument(a)).storyId(), a.id());
            for (StoryRepair repair : clusterer.drainRepairs()) {
                apply(repair);
            }
        }
        return stories.storiesOf(articleIds);
    }

    // The stories of the recent window as the store holds them; nothing is decided again.
    private StoryClusterer restore(Instant since) {
        StoryClusterer restored = new StoryClusterer(settings, analyzer);
        List<Article> recent = articles.ingestedSince(since);
        Map<String, String> known = stories.storiesOf(recent.stream().map(Article::id).toList());
        for (Article a : recent) {
            String story = known.get(a.id());
            if (story != null) {
                restored.addKnown(toDocument(a), story);
            }
        }
        return restored;
    }

    // Merged stories keep their id as an alias; split-off articles move to the new story.
    private void apply(StoryRepair repair) {
        if (repair instanceof StoryRepair.Merged m) {
            stories.merge(m.from(), m.to());
        } else if (repair instanceof StoryRepair.Split s) {
            stories.moveArticles(s.articleIds(), s.to());
        }
    }

    static ClusterDocument toDocument(Article a) {
        return new ClusterDocument(a.id(), a.title(), a.body(), a.published());
    }
}
