/**
 * Story clustering: text features, an incremental stream clusterer with an inverted index over a bounded
 * working set, neighbourhood re-clustering (average linkage over neighbourhood-weighted pairs) that
 * revises earlier decisions as merge and split repairs, and the scorers and cross-validation that measure it.
 */
package dev.parallax.cluster;
