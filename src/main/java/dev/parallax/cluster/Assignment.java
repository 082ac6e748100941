package dev.parallax.cluster;

/** Where the clusterer put an article, and why. */
public sealed interface Assignment {
    String storyId();

    /** The article joined an existing story; {@code score} is its similarity to that story. */
    record Joined(String storyId, double score) implements Assignment {
    }

    /** No story was close enough: the article opened a new one. */
    record Opened(String storyId) implements Assignment {
    }

    /**
     * The article cannot be compared (empty, too short, not English): it gets a story of its own that
     * no other article joins, so bad input never merges anything.
     */
    record Isolated(String storyId, String reason) implements Assignment {
    }
}
