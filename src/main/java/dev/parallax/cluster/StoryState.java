package dev.parallax.cluster;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A story in the working set: centroids of all its articles, and the most recent ones in full. */
final class StoryState {
    /** Articles kept in full per story, for split repair; the centroids still count every article. */
    static final int KEPT_MEMBERS = 48;

    final String id;
    final Centroid terms = new Centroid();
    final Centroid names = new Centroid();
    final ArrayDeque<Member> members = new ArrayDeque<>();
    final Set<Integer> indexKeys = new HashSet<>();
    final List<String> articleIds = new ArrayList<>();
    final boolean isolated;
    int size;
    Instant newest;
    // Range of the dates the members' feeds or texts give, in epoch days; empty while none had one.
    long firstDay = Long.MAX_VALUE;
    long lastDay = Long.MIN_VALUE;
    int nextSplitCheck = 4;

    StoryState(String id, boolean isolated) {
        this.id = id;
        this.isolated = isolated;
    }

    record Member(String articleId, ArticleVectors vectors) {
    }

    void add(String articleId, ArticleVectors v, Instant published) {
        terms.add(v.terms(), 1.0);
        names.add(v.names(), 1.0);
        members.addLast(new Member(articleId, v));
        if (members.size() > KEPT_MEMBERS) {
            members.removeFirst();
        }
        articleIds.add(articleId);
        size++;
        if (published != null && (newest == null || published.isAfter(newest))) {
            newest = published;
        }
        if (v.day() != ArticleVectors.NO_DAY) {
            firstDay = Math.min(firstDay, v.day());
            lastDay = Math.max(lastDay, v.day());
        }
    }

    boolean dated() {
        return firstDay != Long.MAX_VALUE;
    }

}
