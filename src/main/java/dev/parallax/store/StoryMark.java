package dev.parallax.store;

import java.util.List;

/**
 * What a channel was shown of a story: the message to reply under, the outlets it named then and
 * a signature of its divergences, so a later digest can tell what changed.
 */
public record StoryMark(String storyId, String messageKey, List<String> outlets, String divergenceSignature) {
    public StoryMark {
        outlets = List.copyOf(outlets);
    }
}
