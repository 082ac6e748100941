/**
 * Story clustering: text features, an incremental stream clusterer with an inverted index over a bounded
 * working set, merge and split repair, and the scorers and cross-validation that measure it.
 */
package dev.parallax.cluster;
