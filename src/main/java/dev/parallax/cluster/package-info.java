/** Story clustering: text features and an incremental clusterer that assigns each new article to a story. */
package dev.parallax.cluster;
