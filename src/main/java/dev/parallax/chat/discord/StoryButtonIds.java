package dev.parallax.chat.discord;

import dev.parallax.chat.StoryButton;
import java.util.Optional;

/**
 * A story button's Discord custom id: the button's action id and the story id,
 * {@code parallax:claims|s1a2b3c4}. Discord buttons carry no separate value, so both share it.
 */
final class StoryButtonIds {
    private static final char SEPARATOR = '|';

    /** A pressed button: which one, on which story. */
    record Press(StoryButton button, String storyId) {
    }

    private StoryButtonIds() {
    }

    /** Empty when the story id is too long for Discord's 100-char custom id. */
    static Optional<String> of(StoryButton button, String storyId) {
        String id = button.actionId() + SEPARATOR + storyId;
        return id.length() <= DiscordLimits.CUSTOM_ID ? Optional.of(id) : Optional.empty();
    }

    static Optional<Press> parse(String customId) {
        int at = customId.indexOf(SEPARATOR);
        if (at <= 0 || at == customId.length() - 1) {
            return Optional.empty();
        }
        String storyId = customId.substring(at + 1);
        return StoryButton.ofActionId(customId.substring(0, at)).map(b -> new Press(b, storyId));
    }
}
