package dev.parallax.cluster;

/**
 * An article weighed for comparison: unit TF-IDF vectors of its content words and of its names and
 * numbers, and the day it reports on (from its publish time, else its text) or {@link #NO_DAY}.
 */
record ArticleVectors(SparseVector terms, SparseVector names, long day) {
    static final long NO_DAY = Long.MIN_VALUE;
    static final ArticleVectors NONE = new ArticleVectors(SparseVector.EMPTY, SparseVector.EMPTY, NO_DAY);
}
