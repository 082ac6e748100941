package dev.parallax.cluster;

import java.util.Arrays;

/**
 * Agglomerative clustering with average linkage over a similarity matrix: the two groups whose members
 * are most similar on average join, until no pair of groups averages the threshold. Each row caches
 * its best partner, so a merge costs a few rows rather than a scan of the whole matrix.
 */
final class AverageLinkage {
    private AverageLinkage() {
    }

    /** The group of each item, numbered 0.. in order of each group's first item. {@code sim} is consumed. */
    static int[] cluster(double[][] sim, double threshold) {
        int n = sim.length;
        int[] parent = new int[n];
        int[] size = new int[n];
        boolean[] alive = new boolean[n];
        int[] best = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
            alive[i] = true;
        }
        for (int i = 0; i < n; i++) {
            best[i] = bestOf(sim, alive, i);
        }
        while (true) {
            int a = -1;
            double top = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (alive[i] && best[i] >= 0 && sim[i][best[i]] > top) {
                    top = sim[i][best[i]];
                    a = i;
                }
            }
            if (a < 0 || top < threshold) {
                break;
            }
            int b = best[a];
            // Lance-Williams for average linkage: the merged group's similarity is the size-weighted mean.
            for (int k = 0; k < n; k++) {
                if (alive[k] && k != a && k != b) {
                    double s = (size[a] * sim[a][k] + size[b] * sim[b][k]) / (size[a] + size[b]);
                    sim[a][k] = s;
                    sim[k][a] = s;
                }
            }
            size[a] += size[b];
            alive[b] = false;
            parent[b] = a;
            for (int k = 0; k < n; k++) {
                if (!alive[k]) {
                    continue;
                }
                if (k == a || best[k] == a || best[k] == b) {
                    best[k] = bestOf(sim, alive, k);
                } else if (sim[k][a] > sim[k][best[k]]) {
                    best[k] = a;
                }
            }
        }
        int[] group = new int[n];
        int[] number = new int[n];
        Arrays.fill(number, -1);
        int groups = 0;
        for (int i = 0; i < n; i++) {
            int root = i;
            while (parent[root] != root) {
                root = parent[root];
            }
            if (number[root] < 0) {
                number[root] = groups++;
            }
            group[i] = number[root];
        }
        return group;
    }

    private static int bestOf(double[][] sim, boolean[] alive, int i) {
        int best = -1;
        for (int k = 0; k < sim.length; k++) {
            if (k != i && alive[k] && (best < 0 || sim[i][k] > sim[i][best])) {
                best = k;
            }
        }
        return best;
    }
}
