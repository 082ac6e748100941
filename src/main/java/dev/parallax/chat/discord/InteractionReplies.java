package dev.parallax.chat.discord;

import dev.parallax.chat.CommandReply;
import dev.parallax.chat.CommandRunner;
import java.util.List;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.requests.RestAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a command's answer the way Discord's 3-second rule wants: a reply in time goes out as the
 * interaction response; a slow one is deferred (ephemeral "thinking") and arrives through the hook.
 * Discord fixes the visibility of the first message at deferral, so a public late reply edits that
 * note and follows it with public messages. Longer replies continue as follow-up messages, in order.
 */
final class InteractionReplies {
    private static final Logger LOG = LoggerFactory.getLogger(InteractionReplies.class);
    static final String POSTED_BELOW = "Done: the answer is posted below for everyone in the channel.";
    static final String CANNOT_SHOW = "Sorry, that answer could not be shown. Please try again in a minute.";

    private final DiscordRenderer renderer;

    InteractionReplies(DiscordRenderer renderer) {
        this.renderer = renderer;
    }

    /** Acknowledges the interaction now; {@code forceEphemeral} for button presses, which answer the presser only. */
    void acknowledge(IReplyCallback event, CommandRunner.Ack ack, boolean forceEphemeral) {
        if (ack instanceof CommandRunner.Ack.Immediate now) {
            reply(event, now.reply(), forceEphemeral);
        } else {
            event.deferReply(true).queue(null, e -> LOG.warn("could not defer interaction {}: {}", event.getId(),
                    e.toString()));
        }
    }

    /** The reply to a deferred interaction. */
    void later(InteractionHook hook, CommandReply reply, boolean forceEphemeral) {
        List<DiscordMessage> parts = render(reply);
        boolean ephemeral = forceEphemeral || reply.ephemeral();
        RestAction<?> chain;
        List<DiscordMessage> rest;
        if (ephemeral) {
            chain = hook.editOriginal(JdaMessages.edit(parts.get(0)));
            rest = parts.subList(1, parts.size());
        } else {
            chain = hook.editOriginal(JdaMessages.edit(DiscordMessage.text(POSTED_BELOW)));
            rest = parts;
        }
        followUps(hook, chain, rest, ephemeral);
    }

    void refuse(IReplyCallback event, String text) {
        event.reply(JdaMessages.create(DiscordRenderer.text(text).get(0))).setEphemeral(true)
                .queue(null, e -> LOG.warn("could not answer interaction {}: {}", event.getId(), e.toString()));
    }

    private void reply(IReplyCallback event, CommandReply reply, boolean forceEphemeral) {
        List<DiscordMessage> parts = render(reply);
        boolean ephemeral = forceEphemeral || reply.ephemeral();
        RestAction<?> first = event.reply(JdaMessages.create(parts.get(0))).setEphemeral(ephemeral);
        followUps(event.getHook(), first, parts.subList(1, parts.size()), ephemeral);
    }

    // A rendering bug must still answer the user, or Discord shows "the application did not respond".
    private List<DiscordMessage> render(CommandReply reply) {
        try {
            return renderer.reply(reply);
        } catch (RuntimeException e) {
            LOG.error("could not render reply {}", reply.getClass().getSimpleName(), e);
            return DiscordRenderer.text(CANNOT_SHOW);
        }
    }

    private static void followUps(InteractionHook hook, RestAction<?> first, List<DiscordMessage> rest,
                                  boolean ephemeral) {
        RestAction<?> chain = first;
        for (DiscordMessage part : rest) {
            chain = chain.flatMap(x -> hook.sendMessage(JdaMessages.create(part)).setEphemeral(ephemeral));
        }
        chain.queue(null, e -> LOG.warn("could not answer interaction {}: {}", hook.getInteraction().getId(),
                e.toString()));
    }
}
