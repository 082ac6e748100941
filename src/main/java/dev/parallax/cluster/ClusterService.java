package dev.parallax.cluster;

import dev.parallax.model.Article;
import dev.parallax.store.ArticleStore;
import dev.parallax.store.HeldLock;
import dev.parallax.store.StoryChange;
import dev.parallax.store.StoryStore;
import dev.parallax.text.TermAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts stored articles into stories. The clusterer's working set is rebuilt from the store once, on
 * first use (the recent assignments; older stories stay in the store only), and then kept: each call
 * only weighs the articles that arrived since, so its cost follows the new articles, not the store.
 * Merges and splits that new evidence calls for are applied to the store as they happen.
 *
 * <p>Several instances may cluster into one database: a pass runs under the store's clustering lock
 * (one instance at a time), and starts by replaying the changes other instances logged since this
 * one's last pass, so every working set agrees with the store before it decides anything. The log
 * keeps a day of changes; an instance that has not looked for half a day rebuilds from the store.
 * A pass renews the lock's lease as it goes: an instance that hangs holding it loses it after the
 * lease, and if it wakes it stops at its next article.
 */
public final class ClusterService {
    private final ArticleStore articles;
    private final StoryStore stories;
    private final ClusterSettings settings;
    private final TermAnalyzer analyzer;
    private final InstantSource clock;
    // Changes stay logged this long; a working set that has not looked for half of it rebuilds instead.
    static final Duration CHANGE_RETENTION = Duration.ofDays(1);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private StoryClusterer clusterer;
    // The last logged change the working set reflects, and when it was read.
    private long synced;
    private Instant syncedAt = Instant.MIN;
    private Instant prunedAt = Instant.MIN;

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
        try (HeldLock held = stories.lockForClustering()) {
            try {
                pass(articleIds, held);
            } catch (RuntimeException e) {
                clusterer = null; // a pass cut short leaves the working set unsure: rebuild it next time
                throw e;
            }
        }
        return stories.storiesOf(articleIds);
    }

    private void pass(List<String> articleIds, HeldLock held) {
        Instant now = clock.instant();
        Instant since = now.minus(settings.window().multipliedBy(2));
        if (clusterer == null || syncedAt.isBefore(now.minus(CHANGE_RETENTION.dividedBy(2)))) {
            synced = stories.lastChange();
            clusterer = restore(since, held);
        } else {
            catchUp();
        }
        Set<String> pendingIds = new LinkedHashSet<>(stories.unassignedSince(since));
        Map<String, String> given = stories.storiesOf(articleIds);
        for (String id : articleIds) {
            if (!given.containsKey(id)) {
                pendingIds.add(id); // asked for, though ingested before the window
            }
        }
        boolean stale = false;
        for (Article a : articles.byIds(pendingIds)) {
            held.renew(); // a lapsed lock stops the pass before it writes what another instance may contradict
            // Refused only if a writer outside the lock got there first: the store's story is not ours.
            stale |= !stories.assign(clusterer.add(toDocument(a)).storyId(), a.id());
            for (StoryRepair repair : clusterer.drainRepairs()) {
                apply(repair);
            }
        }
        if (stale) {
            clusterer = null; // rebuilt from the store on the next pass
        }
        // Under the lock, every change since the catch-up is this pass's own: the working set has it.
        synced = stories.lastChange();
        syncedAt = now;
        if (prunedAt.isBefore(now.minus(PRUNE_EVERY))) {
            stories.pruneChanges(now.minus(CHANGE_RETENTION));
            prunedAt = now;
        }
    }

    // What other instances stored since this working set last looked, replayed as they decided it.
    private void catchUp() {
        List<StoryChange> changes = stories.changesAfter(synced);
        if (changes.isEmpty()) {
            return;
        }
        Map<String, ClusterDocument> documents = new HashMap<>();
        for (Article a : articles.byIds(ChangeReplay.articleIds(changes))) {
            documents.put(a.id(), toDocument(a));
        }
        ChangeReplay.apply(changes, documents, clusterer);
        synced = changes.get(changes.size() - 1).seq();
    }

    // The stories of the recent window as the store holds them; nothing is decided again.
    private StoryClusterer restore(Instant since, HeldLock held) {
        StoryClusterer restored = new StoryClusterer(settings, analyzer);
        List<Article> recent = articles.ingestedSince(since);
        Map<String, String> known = stories.storiesOf(recent.stream().map(Article::id).toList());
        for (Article a : recent) {
            String story = known.get(a.id());
            if (story != null) {
                held.renew();
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
