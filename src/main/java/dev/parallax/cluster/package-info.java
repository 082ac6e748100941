/**
 * Story clustering: text features, an incremental stream clusterer with an inverted index over a bounded
 * working set, neighbourhood re-clustering (average linkage over neighbourhood-weighted pairs, then a split
 * of groups that follow two protagonists) that revises earlier decisions as merge and split repairs, and the
 * scorers and cross-validation that measure it.
 * Instances on one database share clustering: a pass runs under the store's clustering lock and first
 * replays the membership changes the others logged since, so its working set matches the store before it decides.
 */
package dev.parallax.cluster;
