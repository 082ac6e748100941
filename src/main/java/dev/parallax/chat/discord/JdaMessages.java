package dev.parallax.chat.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** Our rendered messages as JDA request data. Article text must never ping anyone: mentions are off. */
final class JdaMessages {
    private static final int BUTTONS_PER_ROW = 5;

    private JdaMessages() {
    }

    static MessageCreateData create(DiscordMessage m) {
        MessageCreateBuilder b = new MessageCreateBuilder()
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setContent(m.content())
                .setEmbeds(embeds(m));
        if (!m.buttons().isEmpty()) {
            b.setComponents(rows(m));
        }
        return b.build();
    }

    static MessageEditData edit(DiscordMessage m) {
        return new MessageEditBuilder()
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setContent(m.content())
                .setEmbeds(embeds(m))
                .setComponents(rows(m))
                .build();
    }

    private static List<MessageEmbed> embeds(DiscordMessage m) {
        List<MessageEmbed> out = new ArrayList<>();
        for (DiscordMessage.Embed e : m.embeds()) {
            EmbedBuilder b = new EmbedBuilder();
            if (!e.title().isEmpty()) {
                b.setTitle(e.title());
            }
            if (!e.description().isEmpty()) {
                b.setDescription(e.description());
            }
            e.fields().forEach(f -> b.addField(f.name(), f.value(), false));
            if (!e.footer().isEmpty()) {
                b.setFooter(e.footer());
            }
            out.add(b.build());
        }
        return out;
    }

    private static List<ActionRow> rows(DiscordMessage m) {
        List<ActionRow> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (DiscordMessage.Button button : m.buttons()) {
            row.add(Button.secondary(button.customId(),
                    DiscordMarkdown.shorten(button.label(), DiscordLimits.BUTTON_LABEL)));
            if (row.size() == BUTTONS_PER_ROW) {
                rows.add(ActionRow.of(row));
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(ActionRow.of(row));
        }
        return rows;
    }
}
