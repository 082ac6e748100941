package dev.parallax.chat.discord;

import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** The two slash commands as JDA registers them, built from {@link SlashCommandSpec}. */
final class SlashCommands {
    private SlashCommands() {
    }

    static List<CommandData> definitions(DiscordSettings settings) {
        SlashCommandData everyone = Commands.slash(settings.command(), "News digests that show where sources differ")
                .setContexts(InteractionContextType.GUILD)
                .addSubcommands(subcommands(false));
        // Hidden from members without Manage Server; server admins can grant it to a role under Integrations.
        SlashCommandData admin = Commands.slash(settings.adminCommand(), "Set up Parallax in this channel")
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addSubcommands(subcommands(true));
        return List.of(everyone, admin);
    }

    private static List<SubcommandData> subcommands(boolean admin) {
        return SlashCommandSpec.of(admin).stream().map(s -> {
            SubcommandData sub = new SubcommandData(s.name(), s.description());
            for (SlashCommandSpec.Option o : s.options()) {
                OptionData option = new OptionData(OptionType.STRING, o.name(), o.description(), o.required(),
                        o.autocomplete());
                o.choices().forEach(c -> option.addChoice(c, c));
                sub.addOptions(option);
            }
            return sub;
        }).toList();
    }
}
