package dev.parallax.chat.slack;

/** A block as the renderer means it, before {@link BlockFitter} fits it to Slack's limits. */
sealed interface Piece {
    /** A title, in plain text. */
    record Header(String text) implements Piece {
    }

    /** Body text in mrkdwn, of any length. */
    record Section(String mrkdwn) implements Piece {
    }

    /** Small print in mrkdwn, of any length. */
    record Context(String mrkdwn) implements Piece {
    }

    record Divider() implements Piece {
    }

    /** The story buttons ("Where sources differ", "Sources") for one story. */
    record Buttons(String storyId) implements Piece {
    }
}
