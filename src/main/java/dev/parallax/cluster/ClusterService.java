package dev.parallax.cluster;

import dev.parallax.model.Article;
import dev.parallax.store.ArticleStore;
import dev.parallax.store.StoryStore;
import dev.parallax.text.TermAnalyzer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts stored articles into stories: rebuilds the clusterer's working set from the recent
 * assignments in the store (older stories stay in SQLite only), then assigns each new article in
 * ingest order and saves the result, with any merge or split the new evidence called for.
 */
public final class ClusterService {
    private final ArticleStore articles;
    private final StoryStore stories;
    private final ClusterSettings settings;
    private final TermAnalyzer analyzer;
    private final InstantSource clock;

    public ClusterService(ArticleStore articles, StoryStore stories, ClusterSettings settings, TermAnalyzer analyzer,
                          InstantSource clock) {
        this.articles = articles;
        this.stories = stories;
        this.settings = settings;
        this.analyzer = analyzer;
        this.clock = clock;
    }

    /** Assigns every unassigned article of the working window; returns the story id of each given article. */
    public Map<String, String> cluster(List<String> articleIds) {
        Duration lookBack = settings.window().multipliedBy(2);
        List<Article> recent = articles.ingestedSince(clock.instant().minus(lookBack));
        Set<String> wanted = new LinkedHashSet<>(articleIds);
        List<Article> pending = new ArrayList<>();
        for (Article a : recent) {
            wanted.remove(a.id());
        }
        recent = new ArrayList<>(recent);
        recent.addAll(articles.byIds(wanted));

        Map<String, String> known = stories.storiesOf(recent.stream().map(Article::id).toList());
        StoryClusterer clusterer = new StoryClusterer(settings, analyzer);
        for (Article a : recent) {
            String story = known.get(a.id());
            if (story != null) {
                clusterer.addKnown(toDocument(a), story);
            } else {
                pending.add(a);
            }
        }
        for (Article a : pending) {
            stories.assign(clusterer.add(toDocument(a)).storyId(), a.id());
            for (StoryRepair repair : clusterer.drainRepairs()) {
                apply(repair);
            }
        }
        return stories.storiesOf(articleIds);
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
