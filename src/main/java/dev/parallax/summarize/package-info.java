/** The {@link dev.parallax.summarize.StorySummarizer} port and its extractive, attributed default; ROUGE scoring. */
package dev.parallax.summarize;
