package dev.parallax.summarize;

/**
 * How long a summary may be: it must fit a chat message with room for claims around it.
 *
 * @param maxSentences most sentences
 * @param maxWords     most words across them
 */
public record SummaryBudget(int maxSentences, int maxWords) {
    public SummaryBudget {
        if (maxSentences < 1 || maxWords < 10) {
            throw new IllegalArgumentException("budget too small: " + maxSentences + " sentences, " + maxWords + " words");
        }
    }

    public static SummaryBudget chat() {
        return new SummaryBudget(4, 90);
    }
}
