package dev.parallax.cluster;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** A story in the working set: centroids of all its articles, and the most recent ones in full. */
final class StoryState {
    /** Articles kept in full per story, for re-clustering; the centroids still count every article. */
    static final int KEPT_MEMBERS = 48;

    final String id;
    final Centroid terms = new Centroid();
    final Centroid names = new Centroid();
    final ArrayDeque<Member> members = new ArrayDeque<>();
    final Set<Integer> indexKeys = new HashSet<>();
    final Set<String> articleIds = new LinkedHashSet<>();
    final boolean isolated;
    int size;
    Instant newest;
    // Range of the dates the members' feeds or texts give, in epoch days; empty while none had one.
    long firstDay = Long.MAX_VALUE;
    long lastDay = Long.MIN_VALUE;

    StoryState(String id, boolean isolated) {
        this.id = id;
        this.isolated = isolated;
    }

    record Member(String articleId, ArticleVectors vectors, Instant published) {
    }

    void add(Member m) {
        terms.add(m.vectors().terms(), 1.0);
        names.add(m.vectors().names(), 1.0);
        members.addLast(m);
        if (members.size() > KEPT_MEMBERS) {
            members.removeFirst();
        }
        articleIds.add(m.articleId());
        size++;
        if (m.published() != null && (newest == null || m.published().isAfter(newest))) {
            newest = m.published();
        }
        if (m.vectors().day() != ArticleVectors.NO_DAY) {
            firstDay = Math.min(firstDay, m.vectors().day());
            lastDay = Math.max(lastDay, m.vectors().day());
        }
    }

    /** Takes a kept member out (it moves to another story); dates are narrowed when every member is kept. */
    void remove(Member m) {
        if (!members.remove(m)) {
            return;
        }
        terms.add(m.vectors().terms(), -1.0);
        names.add(m.vectors().names(), -1.0);
        articleIds.remove(m.articleId());
        size--;
        if (members.size() == size) {
            newest = null;
            firstDay = Long.MAX_VALUE;
            lastDay = Long.MIN_VALUE;
            for (Member k : members) {
                if (k.published() != null && (newest == null || k.published().isAfter(newest))) {
                    newest = k.published();
                }
                if (k.vectors().day() != ArticleVectors.NO_DAY) {
                    firstDay = Math.min(firstDay, k.vectors().day());
                    lastDay = Math.max(lastDay, k.vectors().day());
                }
            }
        }
    }

    /** The member kept in full for this article, or null. */
    Member member(String articleId) {
        for (Member m : members) {
            if (m.articleId().equals(articleId)) {
                return m;
            }
        }
        return null;
    }

    /** Drops an article no longer kept in full; the centroids keep what it added. */
    void forget(String articleId) {
        if (articleIds.remove(articleId)) {
            size--;
        }
    }

    boolean dated() {
        return firstDay != Long.MAX_VALUE;
    }
}
