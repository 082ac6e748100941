package dev.parallax.chat;

import java.util.Objects;

/**
 * A {@code /parallax} command as an adapter received it.
 *
 * @param channel where it was typed
 * @param userId  the platform's id of the caller
 * @param admin   whether the caller may use admin subcommands (decided by the adapter: Slack
 *                workspace admins or a user group, Discord Manage Server or a role)
 * @param text    everything after the command name, for example {@code "story tianjin summit"}
 */
public record CommandRequest(ChannelRef channel, String userId, boolean admin, String text) {
    public CommandRequest {
        Objects.requireNonNull(channel, "channel");
        userId = userId == null ? "" : userId;
        text = text == null ? "" : text.strip();
    }
}
