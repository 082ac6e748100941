package dev.parallax.chat.slack;

import dev.parallax.chat.CommandReply;
import dev.parallax.chat.CommandRequest;
import dev.parallax.chat.CommandService;
import java.util.List;

/**
 * Decides whether the caller is an admin on the command's worker, not before it: the users.info
 * look-up then counts against the acknowledgement budget instead of delaying the acknowledgement.
 */
final class AdminResolvingCommands implements CommandService {
    private final CommandService commands;
    private final SlackAdmins admins;

    AdminResolvingCommands(CommandService commands, SlackAdmins admins) {
        this.commands = commands;
        this.admins = admins;
    }

    @Override
    public CommandReply handle(CommandRequest request) {
        boolean admin = request.admin() || admins.isAdmin(request.userId());
        return commands.handle(new CommandRequest(request.channel(), request.userId(), admin, request.text()));
    }

    @Override
    public List<CommandReply.StoryHit> suggestStories(String typed, int limit) {
        return commands.suggestStories(typed, limit);
    }
}
