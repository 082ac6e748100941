package dev.parallax.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the folds a re-clustering makes without the new article. Terms are weighed by how they spread
 * over the neighbourhood, so an article from elsewhere that pulls in two same-kind stories ("Saints put
 * Bush on IR", "Saints put Thomas on IR") makes what they share look rare, and they fold with no new
 * evidence about either. Such a group stands only if its members, re-clustered on their own, are still
 * one group; else each story keeps its own members (splits stay).
 */
final class StoryBridges {
    private final Neighbourhood neighbourhood;

    StoryBridges(Neighbourhood neighbourhood) {
        this.neighbourhood = neighbourhood;
    }

    /**
     * The groups (item 0 is the article, owner null) with unsupported folds undone, numbered 0.. in order
     * of each group's first item.
     */
    int[] check(int[] group, List<StoryState> owner, List<ArticleVectors> vectors) {
        int groups = 0;
        for (int g : group) {
            groups = Math.max(groups, g + 1);
        }
        boolean[] apart = new boolean[groups];
        for (int g = 0; g < groups; g++) {
            apart[g] = g != group[0] && foldsStories(group, owner, g) && !holdsAlone(group, vectors, g);
        }
        // A group kept apart becomes one group per story it drew from: key (group, story).
        Map<StoryState, Integer> story = new IdentityHashMap<>();
        Map<Long, Integer> number = new HashMap<>();
        int[] out = new int[group.length];
        for (int i = 0; i < group.length; i++) {
            long part = apart[group[i]] ? story.computeIfAbsent(owner.get(i), k -> story.size()) + 1 : 0;
            out[i] = number.computeIfAbsent(((long) group[i] << 32) | part, k -> number.size());
        }
        return out;
    }

    private static boolean foldsStories(int[] group, List<StoryState> owner, int g) {
        StoryState first = null;
        for (int i = 0; i < group.length; i++) {
            if (group[i] == g) {
                if (first == null) {
                    first = owner.get(i);
                } else if (owner.get(i) != first) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean holdsAlone(int[] group, List<ArticleVectors> vectors, int g) {
        List<ArticleVectors> members = new ArrayList<>();
        for (int i = 0; i < group.length; i++) {
            if (group[i] == g) {
                members.add(vectors.get(i));
            }
        }
        for (int h : neighbourhood.groups(members)) {
            if (h != 0) {
                return false;
            }
        }
        return true;
    }
}
