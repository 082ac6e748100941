package dev.parallax.chat;

import java.util.Optional;

/**
 * The buttons under each story of a digest. A button's action id is {@code parallax:<name>} and
 * its value the story id; pressing it runs the matching subcommand for the presser, ephemerally.
 */
public enum StoryButton {
    CLAIMS("claims", "Where sources differ"),
    SOURCES("sources", "Sources");

    private static final String PREFIX = "parallax:";

    private final String subcommand;
    private final String label;

    StoryButton(String subcommand, String label) {
        this.subcommand = subcommand;
        this.label = label;
    }

    public String actionId() {
        return PREFIX + subcommand;
    }

    public String label() {
        return label;
    }

    /** The command a press of this button on {@code storyId} stands for. */
    public String commandText(String storyId) {
        return subcommand + " " + storyId;
    }

    public static Optional<StoryButton> ofActionId(String actionId) {
        for (StoryButton b : values()) {
            if (b.actionId().equals(actionId)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
