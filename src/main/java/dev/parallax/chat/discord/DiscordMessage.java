package dev.parallax.chat.discord;

import java.util.List;

/**
 * One Discord message as we render it, before it becomes a JDA request: plain content, or embeds,
 * with buttons under it. The renderer keeps every instance within {@link DiscordLimits}.
 */
record DiscordMessage(String content, List<Embed> embeds, List<Button> buttons) {
    DiscordMessage {
        content = content == null ? "" : content;
        embeds = List.copyOf(embeds);
        buttons = List.copyOf(buttons);
    }

    static DiscordMessage text(String content) {
        return new DiscordMessage(content, List.of(), List.of());
    }

    DiscordMessage withButtons(List<Button> more) {
        return new DiscordMessage(content, embeds, more);
    }

    DiscordMessage withContent(String text) {
        return new DiscordMessage(text, embeds, buttons);
    }

    DiscordMessage withEmbeds(List<Embed> others) {
        return new DiscordMessage(content, others, buttons);
    }

    /** What Discord counts against its 6,000 characters across the embeds of one message. */
    int embedLength() {
        return embeds.stream().mapToInt(Embed::length).sum();
    }

    /** An embed with a title and either a description or fields, and maybe a footer line. */
    record Embed(String title, String description, List<Field> fields, String footer) {
        Embed {
            title = title == null ? "" : title;
            description = description == null ? "" : description;
            fields = List.copyOf(fields);
            footer = footer == null ? "" : footer;
        }

        Embed(String title, String description, List<Field> fields) {
            this(title, description, fields, "");
        }

        Embed withFooter(String text) {
            return new Embed(title, description, fields, text);
        }

        int length() {
            return title.length() + description.length() + footer.length()
                    + fields.stream().mapToInt(f -> f.name().length() + f.value().length()).sum();
        }
    }

    record Field(String name, String value) {
    }

    /** A button; pressing it sends an interaction carrying {@code customId}. */
    record Button(String customId, String label) {
    }
}
