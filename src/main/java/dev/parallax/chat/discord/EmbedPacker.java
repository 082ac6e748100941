package dev.parallax.chat.discord;

import dev.parallax.chat.discord.DiscordMessage.Button;
import dev.parallax.chat.discord.DiscordMessage.Embed;
import dev.parallax.chat.discord.DiscordMessage.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs sections of text into as many embeds and messages as Discord's limits need: at most
 * 4,096 chars per description, 1,024 per field value, 25 fields and a 256-char title per embed,
 * 10 embeds and 6,000 chars across the embeds of one message. Nothing is cut: a unit that does
 * not fit goes on in the next embed (titled "... (continued)") or the next message, and a unit
 * longer than a whole description or field is split at line breaks or spaces.
 */
final class EmbedPacker {
    static final String CONTINUED = " (continued)";

    /** A section of lines (each kept whole where it fits) shown as embed descriptions. */
    record Lines(String title, List<String> lines) implements Section {
    }

    /** A section of named entries (a divergence and its sides) shown as embed fields. */
    record Fields(String title, List<Field> fields) implements Section {
    }

    sealed interface Section permits Lines, Fields {
        String title();
    }

    private final int total;
    private final List<DiscordMessage> messages = new ArrayList<>();
    private List<Embed> embeds = new ArrayList<>();
    private int used;
    private String sectionTitle;
    private boolean sectionEmitted;
    private String openTitle;
    private StringBuilder openDescription;
    private List<Field> openFields;

    private EmbedPacker(int total) {
        this.total = total;
    }

    /** The sections as messages; {@code buttons} go under the first one. */
    static List<DiscordMessage> pack(List<? extends Section> sections, List<Button> buttons) {
        return pack(sections, buttons, 0);
    }

    /** As {@link #pack(List, List)}, leaving {@code reserve} of each message's 6,000 chars free (for a footer). */
    static List<DiscordMessage> pack(List<? extends Section> sections, List<Button> buttons, int reserve) {
        EmbedPacker packer = new EmbedPacker(DiscordLimits.EMBED_TOTAL - reserve);
        for (Section s : sections) {
            packer.section(s);
        }
        packer.flush();
        List<DiscordMessage> out = packer.messages;
        if (!out.isEmpty() && !buttons.isEmpty()) {
            out.set(0, out.get(0).withButtons(buttons));
        }
        return List.copyOf(out);
    }

    private void section(Section s) {
        sectionTitle = DiscordMarkdown.shorten(s.title(), DiscordLimits.TITLE - CONTINUED.length());
        sectionEmitted = false;
        if (s instanceof Lines l) {
            for (String line : l.lines()) {
                for (String piece : TextSplitter.split(line, DiscordLimits.DESCRIPTION)) {
                    addLine(piece);
                }
            }
        } else if (s instanceof Fields f) {
            for (Field field : f.fields()) {
                // Discord rejects an empty field name or value.
                String name = field.name().isBlank() ? "—"
                        : DiscordMarkdown.shorten(field.name(), DiscordLimits.FIELD_NAME - CONTINUED.length());
                List<String> values = TextSplitter.split(field.value().isBlank() ? "—" : field.value(),
                        DiscordLimits.FIELD_VALUE);
                for (int i = 0; i < values.size(); i++) {
                    addField(new Field(i == 0 ? name : name + CONTINUED, values.get(i)));
                }
            }
        }
        closeOpen();
    }

    private void addLine(String piece) {
        if (openTitle != null && openFields.isEmpty()) {
            int need = openDescription.isEmpty() ? piece.length() : piece.length() + 1;
            if (openDescription.length() + need <= DiscordLimits.DESCRIPTION
                    && used + openLength() + need <= total) {
                if (!openDescription.isEmpty()) {
                    openDescription.append('\n');
                }
                openDescription.append(piece);
                return;
            }
        }
        closeOpen();
        open(piece.length());
        openDescription.append(piece);
    }

    private void addField(Field field) {
        int need = field.name().length() + field.value().length();
        if (openTitle != null && openDescription.isEmpty() && openFields.size() < DiscordLimits.FIELDS_PER_EMBED
                && used + openLength() + need <= total) {
            openFields.add(field);
            return;
        }
        closeOpen();
        open(need);
        openFields.add(field);
    }

    // Opens an embed for the current section, in a new message when this one has no room for it.
    private void open(int firstUnit) {
        String title = sectionEmitted ? sectionTitle + CONTINUED : sectionTitle;
        if (embeds.size() == DiscordLimits.EMBEDS_PER_MESSAGE
                || used + title.length() + firstUnit > total) {
            flush();
        }
        openTitle = title;
        openDescription = new StringBuilder();
        openFields = new ArrayList<>();
    }

    private int openLength() {
        return openTitle.length() + openDescription.length()
                + openFields.stream().mapToInt(f -> f.name().length() + f.value().length()).sum();
    }

    private void closeOpen() {
        if (openTitle == null) {
            return;
        }
        if (!openDescription.isEmpty() || !openFields.isEmpty()) {
            Embed embed = new Embed(openTitle, openDescription.toString(), openFields);
            embeds.add(embed);
            used += embed.length();
            sectionEmitted = true;
        }
        openTitle = null;
        openDescription = null;
        openFields = null;
    }

    private void flush() {
        if (!embeds.isEmpty()) {
            messages.add(new DiscordMessage("", embeds, List.of()));
        }
        embeds = new ArrayList<>();
        used = 0;
    }
}
