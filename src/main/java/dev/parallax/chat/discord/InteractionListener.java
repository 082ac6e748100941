package dev.parallax.chat.discord;

import dev.parallax.chat.ChannelRef;
import dev.parallax.chat.CommandReply;
import dev.parallax.chat.CommandRequest;
import dev.parallax.chat.CommandRunner;
import dev.parallax.chat.CommandService;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@code /parallax} commands, story button presses and autocomplete requests into
 * platform-neutral requests. Each is handled off JDA's event thread, so one slow command never
 * holds up the acknowledgement of another.
 */
final class InteractionListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(InteractionListener.class);
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private final DiscordSettings settings;
    private final CommandRunner runner;
    private final CommandService commands;
    private final AdminCheck admins;
    private final InteractionReplies replies;
    private final ExecutorService handlers;

    InteractionListener(DiscordSettings settings, CommandRunner runner, CommandService commands, AdminCheck admins,
                        InteractionReplies replies, ExecutorService handlers) {
        this.settings = settings;
        this.runner = runner;
        this.commands = commands;
        this.admins = admins;
        this.replies = replies;
        this.handlers = handlers;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        boolean admin = event.getName().equals(settings.adminCommand());
        if (admin || event.getName().equals(settings.command())) {
            handle(() -> slash(event, admin));
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        StoryButtonIds.parse(event.getComponentId()).ifPresent(press -> handle(() -> button(event, press)));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (event.getName().equals(settings.command()) || event.getName().equals(settings.adminCommand())) {
            handle(() -> autocomplete(event));
        }
    }

    private void slash(SlashCommandInteractionEvent event, boolean adminCommand) {
        Optional<SlashCommandSpec.Subcommand> sub = SlashCommandSpec.find(adminCommand, event.getSubcommandName());
        if (sub.isEmpty()) {
            replies.refuse(event, "Unknown command: try /" + settings.command() + " help.");
            return;
        }
        boolean admin = admins.isAdmin(event.getMember());
        if (adminCommand && !admin) {
            replies.refuse(event, admins.refusal());
            return;
        }
        Map<String, String> values = new HashMap<>();
        for (OptionMapping o : event.getOptions()) {
            values.put(o.getName(), o.getAsString());
        }
        CommandRequest request = new CommandRequest(channelOf(event), event.getUser().getId(), admin,
                sub.get().commandText(values));
        CommandRunner.Ack ack = runner.run(request, reply -> replies.later(event.getHook(), reply, false));
        replies.acknowledge(event, ack, false);
    }

    private void button(ButtonInteractionEvent event, StoryButtonIds.Press press) {
        CommandRequest request = new CommandRequest(channelOf(event), event.getUser().getId(),
                admins.isAdmin(event.getMember()), press.button().commandText(press.storyId()));
        CommandRunner.Ack ack = runner.run(request, reply -> replies.later(event.getHook(), reply, true));
        replies.acknowledge(event, ack, true);
    }

    private void autocomplete(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue();
        List<Command.Choice> choices;
        if (event.getFocusedOption().getName().equals("zone")) {
            String lower = typed.toLowerCase(Locale.ROOT);
            choices = ZONES.stream().filter(z -> z.toLowerCase(Locale.ROOT).contains(lower))
                    .limit(DiscordLimits.CHOICES).map(z -> new Command.Choice(z, z)).toList();
        } else {
            choices = storyChoices(typed);
        }
        event.replyChoices(choices).queue(null, e -> LOG.debug("autocomplete answer failed: {}", e.toString()));
    }

    private List<Command.Choice> storyChoices(String typed) {
        try {
            return commands.suggestStories(typed, DiscordLimits.CHOICES).stream()
                    .filter(h -> h.storyId().length() <= DiscordLimits.CHOICE_VALUE)
                    .limit(DiscordLimits.CHOICES)
                    .map(h -> new Command.Choice(choiceName(h), h.storyId()))
                    .toList();
        } catch (RuntimeException e) {
            LOG.warn("story suggestions for '{}' failed", typed, e);
            return List.of();
        }
    }

    private static String choiceName(CommandReply.StoryHit hit) {
        String suffix = " (" + hit.outlets() + (hit.outlets() == 1 ? " outlet)" : " outlets)");
        String headline = hit.headline().isBlank() ? hit.storyId() : hit.headline();
        return DiscordMarkdown.shorten(headline, DiscordLimits.CHOICE_NAME - suffix.length()) + suffix;
    }

    // In a story's thread, the channel that matters (its schedule, its digests) is the thread's parent.
    private static ChannelRef channelOf(Interaction event) {
        if (event.getChannel() instanceof ThreadChannel thread) {
            return new ChannelRef("discord", thread.getParentChannel().getId());
        }
        return new ChannelRef("discord", event.getChannelId());
    }

    private void handle(Runnable work) {
        try {
            handlers.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.error("interaction failed", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            LOG.debug("interaction ignored while stopping");
        }
    }
}
