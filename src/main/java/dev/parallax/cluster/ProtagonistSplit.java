package dev.parallax.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a group that reports two events of one kind about different protagonists (two players arrested,
 * two teams' offers). Evidence: a name X leads at least {@code minSide} of its reports while
 * {@code minSide} or more others never mention X, and those others nearly all lead with a name Y that
 * nearly none of X's reports lead with. A later event's reports often recall the earlier one ("the team's
 * second such arrest this month"), so Y may still appear in their bodies; the earlier event's reports
 * cannot know X at all. A story that gains a name as it unfolds (a suspect named a day later) keeps its
 * lead name in the later reports, so it is not split.
 */
final class ProtagonistSplit {
    /** Least share of the other side's reports that lead with Y. */
    static final double Y_SHARE = 0.9;
    /** Greatest share of X's side that may lead with Y too. */
    static final double Y_LEAK = 0.1;

    // Fewest reports on each side: with fewer, "all of them lead with Y" is as likely chance as evidence.
    private final int minSide;

    ProtagonistSplit(int minSide) {
        this.minSide = minSide;
    }

    /** The groups with each two-protagonist group split in two, numbered 0.. in order of first item. */
    int[] split(int[] group, List<ArticleVectors> vectors) {
        if (minSide == 0) {
            return group;
        }
        Map<Integer, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < group.length; i++) {
            members.computeIfAbsent(group[i], k -> new ArrayList<>()).add(i);
        }
        int[] out = group.clone();
        int next = members.size();
        for (List<Integer> items : members.values()) {
            List<Integer> later = laterEvent(items, vectors);
            if (later != null) {
                for (int i : later) {
                    out[i] = next;
                }
                next++;
            }
        }
        return Neighbourhood.renumber(out);
    }

    // The reports of the second protagonist, or null when the group shows no such pair of names.
    private List<Integer> laterEvent(List<Integer> items, List<ArticleVectors> vectors) {
        if (items.size() < 2 * minSide) {
            return null;
        }
        for (int x : leadCounts(items, vectors, minSide).keySet()) {
            List<Integer> withX = new ArrayList<>();
            List<Integer> withoutX = new ArrayList<>();
            for (int i : items) {
                (vectors.get(i).hasName(x) ? withX : withoutX).add(i);
            }
            if (withoutX.size() < minSide) {
                continue;
            }
            for (int y : leadCounts(withoutX, vectors, (int) Math.ceil(Y_SHARE * withoutX.size())).keySet()) {
                int leak = 0;
                for (int i : withX) {
                    if (vectors.get(i).leadsWith(y)) {
                        leak++;
                    }
                }
                if (leak <= Y_LEAK * withX.size()) {
                    return withX;
                }
            }
        }
        return null;
    }

    // Lead names given by at least {@code least} of the items, by id for a stable order.
    private static Map<Integer, Integer> leadCounts(List<Integer> items, List<ArticleVectors> vectors, int least) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i : items) {
            for (int id : vectors.get(i).leadNames()) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        Map<Integer, Integer> out = new TreeMap<>();
        counts.forEach((id, c) -> {
            if (c >= least) {
                out.put(id, c);
            }
        });
        return out;
    }
}
