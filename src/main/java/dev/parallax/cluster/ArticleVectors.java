package dev.parallax.cluster;

import java.util.Arrays;

/**
 * An article weighed for comparison: unit TF-IDF vectors of its content words and of its names and
 * numbers as weighed on arrival (story centroids are sums of these), the raw counts behind them (so a
 * neighbourhood can be weighed again), the day it reports on (publish time, else its text) or
 * {@link #NO_DAY}, its {@link SemanticSignal} vector or null, and the ids of the names its title or
 * lead gives (ascending).
 */
record ArticleVectors(SparseVector terms, SparseVector names, TermCounts termCounts, TermCounts nameCounts,
                      long day, float[] embedding, int[] leadNames) {
    static final long NO_DAY = Long.MIN_VALUE;
    static final ArticleVectors NONE = new ArticleVectors(SparseVector.EMPTY, SparseVector.EMPTY, TermCounts.EMPTY,
            TermCounts.EMPTY, NO_DAY);

    ArticleVectors(SparseVector terms, SparseVector names, TermCounts termCounts, TermCounts nameCounts, long day) {
        this(terms, names, termCounts, nameCounts, day, null, new int[0]);
    }

    /** Whether the article gives this name (or number) anywhere. */
    boolean hasName(int id) {
        return Arrays.binarySearch(nameCounts.ids(), id) >= 0;
    }

    /** Whether its title or lead gives this name. */
    boolean leadsWith(int id) {
        return Arrays.binarySearch(leadNames, id) >= 0;
    }
}
