package dev.parallax.store;

/** One change to story membership, as the change log numbers it ({@code seq} rises with every change). */
public sealed interface StoryChange {
    long seq();

    /** The article joined the story (its first story). */
    record Assigned(long seq, String articleId, String storyId) implements StoryChange {
    }

    /** Story {@code fromId} was folded into {@code intoId}, articles and all; {@code fromId} is an alias now. */
    record Merged(long seq, String fromId, String intoId) implements StoryChange {
    }

    /** The article left its story for {@code storyId} (a split). */
    record Moved(long seq, String articleId, String storyId) implements StoryChange {
    }
}
