package dev.parallax.chat;

import java.util.List;

/**
 * The {@code /parallax} commands, the same on every platform and free of SDK types. Adapters turn
 * a platform event into a {@link CommandRequest}, run it through a {@link CommandRunner} (which
 * keeps the 3-second acknowledgement rule) and render the {@link CommandReply}.
 */
public interface CommandService {
    /** Runs one command; never throws for bad input, which becomes a {@link CommandReply.Problem}. */
    CommandReply handle(CommandRequest request);

    /** Stories whose id or headline matches what the caller has typed so far, for autocomplete. */
    List<CommandReply.StoryHit> suggestStories(String typed, int limit);
}
