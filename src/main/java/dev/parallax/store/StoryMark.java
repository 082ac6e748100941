package dev.parallax.store;

/** What a channel was shown of a story: the message to reply under, its outlet count and divergences. */
public record StoryMark(String storyId, String messageKey, int outlets, String divergenceSignature) {
}
