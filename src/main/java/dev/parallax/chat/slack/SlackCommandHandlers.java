package dev.parallax.chat.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.webhook.WebhookResponse;
import dev.parallax.chat.ChannelRef;
import dev.parallax.chat.CommandReply;
import dev.parallax.chat.CommandRequest;
import dev.parallax.chat.CommandRunner;
import dev.parallax.chat.StoryButton;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slash command and the story buttons. A command answered within the budget is answered in
 * the acknowledgement itself; a slower one is acknowledged empty and answered through its
 * response_url. A button press is acknowledged at once and answered to the presser only.
 */
final class SlackCommandHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(SlackCommandHandlers.class);

    private final CommandRunner runner;
    private final CommandRunner readers;
    private final BlockKitRenderer renderer;
    private final ExecutorService responders;

    /**
     * {@code runner} decides admin rights on its workers (see {@link AdminResolvingCommands});
     * {@code readers} runs button presses, which only read and need no look-up.
     */
    SlackCommandHandlers(CommandRunner runner, CommandRunner readers, BlockKitRenderer renderer,
                         ExecutorService responders) {
        this.runner = runner;
        this.readers = readers;
        this.renderer = renderer;
        this.responders = responders;
    }

    Response onCommand(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload p = req.getPayload();
        CommandRequest request = new CommandRequest(new ChannelRef("slack", p.getChannelId()), p.getUserId(),
                false, p.getText());
        CommandRunner.Ack ack = runner.run(request, reply -> respondToCommand(ctx, reply, renderer.reply(reply)));
        if (ack instanceof CommandRunner.Ack.Immediate now) {
            List<SlackMessage> parts = renderer.reply(now.reply());
            if (parts.size() == 1) {
                return ctx.ack(commandResponse(now.reply(), parts.get(0)));
            }
            // Several messages must arrive in order, so all go through the response_url after the ack.
            responders.execute(() -> respondToCommand(ctx, now.reply(), parts));
        }
        return ctx.ack();
    }

    Response onButton(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        Optional<String> command = p.getActions() == null || p.getActions().size() != 1 ? Optional.empty()
                : StoryButton.ofActionId(p.getActions().get(0).getActionId())
                .map(b -> b.commandText(p.getActions().get(0).getValue()));
        String channel = p.getChannel() != null ? p.getChannel().getId()
                : p.getContainer() == null ? null : p.getContainer().getChannelId();
        if (command.isEmpty() || channel == null || p.getUser() == null) {
            return ctx.ack();
        }
        // Reading a story needs no admin right, so the press costs no users.info lookup.
        CommandRequest request = new CommandRequest(new ChannelRef("slack", channel), p.getUser().getId(), false,
                command.get());
        responders.execute(() -> {
            CommandRunner.Ack ack = readers.run(request, reply -> respondToButton(ctx, reply));
            if (ack instanceof CommandRunner.Ack.Immediate now) {
                respondToButton(ctx, now.reply());
            }
        });
        return ctx.ack();
    }

    private void respondToCommand(SlashCommandContext ctx, CommandReply reply, List<SlackMessage> parts) {
        for (SlackMessage part : parts) {
            try {
                check(ctx.respond(commandResponse(reply, part)));
            } catch (IOException e) {
                LOG.warn("channel={} reply through response_url failed: {}", ctx.getChannelId(), e.getMessage());
                return;
            }
        }
    }

    private void respondToButton(ActionContext ctx, CommandReply reply) {
        for (SlackMessage part : renderer.reply(reply)) {
            try {
                check(ctx.respond(ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
                        .text(part.text()).blocks(part.blocks()).build()));
            } catch (IOException e) {
                LOG.warn("button reply through response_url failed: {}", e.getMessage());
                return;
            }
        }
    }

    private static SlashCommandResponse commandResponse(CommandReply reply, SlackMessage part) {
        return SlashCommandResponse.builder().responseType(reply.ephemeral() ? "ephemeral" : "in_channel")
                .text(part.text()).blocks(part.blocks()).build();
    }

    private static void check(WebhookResponse response) throws IOException {
        if (response.getCode() == null || response.getCode() != 200) {
            throw new IOException("HTTP " + response.getCode() + ": " + response.getBody());
        }
    }
}
