/**
 * Claims: extraction of dated, numeric and place claims with the sentence they stand in,
 * normalisation, alignment across articles, and the agreements and divergences of a story.
 */
package dev.parallax.claims;
