package dev.parallax.cluster;

/**
 * An article's raw weighted counts (title and lead already boosted) over the term ids of one feature
 * space, ids ascending. Kept beside the arrival-time vectors so a neighbourhood can be weighed again
 * with what the stream knows now and with how the terms spread over that neighbourhood.
 */
record TermCounts(int[] ids, float[] counts) {
    static final TermCounts EMPTY = new TermCounts(new int[0], new float[0]);

    int size() {
        return ids.length;
    }
}
