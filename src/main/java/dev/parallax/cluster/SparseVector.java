package dev.parallax.cluster;

/** An immutable unit-length sparse vector over term ids, kept sorted by id for fast dot products. */
final class SparseVector {
    static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    private final int[] ids;
    private final float[] weights;

    private SparseVector(int[] ids, float[] weights) {
        this.ids = ids;
        this.weights = weights;
    }

    /** Normalises weights over ascending ids to unit length; zero weights are dropped. */
    static SparseVector unitSorted(int[] sortedIds, double[] raw) {
        int n = 0;
        double norm = 0;
        for (double w : raw) {
            if (w > 0) {
                n++;
                norm += w * w;
            }
        }
        if (n == 0) {
            return EMPTY;
        }
        norm = Math.sqrt(norm);
        int[] ids = new int[n];
        float[] weights = new float[n];
        int k = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] > 0) {
                ids[k] = sortedIds[i];
                weights[k++] = (float) (raw[i] / norm);
            }
        }
        return new SparseVector(ids, weights);
    }

    int size() {
        return ids.length;
    }

    boolean isEmpty() {
        return ids.length == 0;
    }

    int id(int i) {
        return ids[i];
    }

    float weight(int i) {
        return weights[i];
    }

    double dot(SparseVector other) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < ids.length && j < other.ids.length) {
            int a = ids[i];
            int b = other.ids[j];
            if (a == b) {
                sum += weights[i++] * other.weights[j++];
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /** Ids of the n largest weights, largest first (ties by id, so the choice is stable). */
    int[] top(int n) {
        int k = Math.min(n, ids.length);
        int[] out = new int[k];
        boolean[] taken = new boolean[ids.length];
        // Selection of a few out of a few hundred: cheaper than sorting, and allocation-light.
        for (int r = 0; r < k; r++) {
            int best = -1;
            for (int i = 0; i < ids.length; i++) {
                if (!taken[i] && (best < 0 || weights[i] > weights[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            out[r] = ids[best];
        }
        return out;
    }
}
