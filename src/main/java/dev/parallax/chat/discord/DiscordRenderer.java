package dev.parallax.chat.discord;

import static dev.parallax.chat.discord.DiscordMarkdown.escape;

import dev.parallax.chat.CommandReply;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.StoryButton;
import dev.parallax.chat.discord.DiscordMessage.Button;
import dev.parallax.chat.discord.EmbedPacker.Lines;
import dev.parallax.chat.discord.EmbedPacker.Section;
import dev.parallax.digest.StoryBrief;
import java.util.ArrayList;
import java.util.List;

/**
 * Digest deliveries and command replies as Discord messages, split to fit Discord's limits (see
 * {@link EmbedPacker}); plain text goes in 2,000-char content messages. Pure: no JDA, no I/O.
 */
final class DiscordRenderer {

    /**
     * The messages of one delivery, in posting order; buttons sit under a story's first message.
     * Each leaves room for the mark {@link DeliveryMarks} adds when it is posted.
     */
    List<DiscordMessage> delivery(Delivery.Content content) {
        if (content instanceof Delivery.DigestHeader h) {
            return header(h);
        } else if (content instanceof Delivery.Story s) {
            return EmbedPacker.pack(new StorySections(s.brief()).full(), buttons(s.brief().id()), DeliveryMarks.ROOM);
        } else if (content instanceof Delivery.FollowUp f) {
            return text(f.text(), DiscordLimits.CONTENT - DeliveryMarks.ROOM);
        }
        throw new IllegalArgumentException("unknown delivery content: " + content);
    }

    /** The name of the thread or forum post a delivery opens, within Discord's 100 chars. */
    String threadName(Delivery.Content content) {
        String name;
        if (content instanceof Delivery.DigestHeader h) {
            name = h.title();
        } else if (content instanceof Delivery.Story s) {
            name = new StorySections(s.brief()).headline();
        } else {
            name = "Parallax update";
        }
        return DiscordMarkdown.shorten(name.isBlank() ? "Parallax" : name, DiscordLimits.THREAD_NAME);
    }

    /** A command's reply as the messages to send: the first answers the interaction, the rest follow it. */
    List<DiscordMessage> reply(CommandReply reply) {
        if (reply instanceof CommandReply.Message m) {
            return text(m.text());
        } else if (reply instanceof CommandReply.Problem p) {
            return text(p.text());
        } else if (reply instanceof CommandReply.StoryView v) {
            StorySections story = new StorySections(v.story());
            return switch (v.focus()) {
                case OVERVIEW -> EmbedPacker.pack(story.overview(), buttons(v.story().id()));
                case CLAIMS -> EmbedPacker.pack(story.claims(), List.of());
                case SOURCES -> EmbedPacker.pack(story.sourcesOnly(), List.of());
            };
        } else if (reply instanceof CommandReply.DigestView d) {
            return digestView(d);
        } else if (reply instanceof CommandReply.SearchResults r) {
            return search(r);
        }
        throw new IllegalArgumentException("unknown reply: " + reply);
    }

    /** Plain text in as many 2,000-char messages as it needs; escaped, since replies carry no markup. */
    static List<DiscordMessage> text(String text) {
        return text(text, DiscordLimits.CONTENT);
    }

    private static List<DiscordMessage> text(String text, int max) {
        String escaped = escape(text == null ? "" : text.strip());
        if (escaped.isEmpty()) {
            escaped = "(nothing to show)";
        }
        return TextSplitter.split(escaped, max).stream().map(DiscordMessage::text).toList();
    }

    List<Button> buttons(String storyId) {
        List<Button> out = new ArrayList<>();
        for (StoryButton b : StoryButton.values()) {
            StoryButtonIds.of(b, storyId).ifPresent(id -> out.add(new Button(id, b.label())));
        }
        return out;
    }

    private static List<DiscordMessage> header(Delivery.DigestHeader h) {
        List<String> lines = new ArrayList<>();
        int i = 1;
        for (Delivery.StoryLine s : h.stories()) {
            lines.add(storyLine(i++, s.headline(), s.storyId(), s.outlets(), s.divergences()));
        }
        if (lines.isEmpty()) {
            lines.add("No new stories this time.");
        }
        return EmbedPacker.pack(List.of(new Lines(escape(h.title()), lines)), List.of(), DeliveryMarks.ROOM);
    }

    private static List<DiscordMessage> digestView(CommandReply.DigestView d) {
        List<String> lines = new ArrayList<>();
        int i = 1;
        for (StoryBrief s : d.digest().stories()) {
            StringBuilder line = new StringBuilder(storyLine(i++, s.headline(), s.id(), s.articles().size(),
                    s.divergences().size()));
            if (!s.summary().isEmpty()) {
                line.append('\n').append(escape(s.summary().get(0).text()));
            }
            lines.add(line.toString());
        }
        if (lines.isEmpty()) {
            lines.add("This digest has no stories.");
        }
        List<Section> sections = List.of(new Lines(escape(d.title()), lines));
        return EmbedPacker.pack(sections, List.of());
    }

    private static List<DiscordMessage> search(CommandReply.SearchResults r) {
        if (r.hits().isEmpty()) {
            return text("No stories match \"" + r.query() + "\". Try fewer or other words.");
        }
        List<String> lines = new ArrayList<>();
        int i = 1;
        for (CommandReply.StoryHit hit : r.hits()) {
            StringBuilder line = new StringBuilder("**").append(i++).append(". ").append(escape(hit.headline()))
                    .append("** · ").append(hit.outlets()).append(hit.outlets() == 1 ? " outlet" : " outlets")
                    .append(" · ").append(DiscordMarkdown.code(hit.storyId()));
            if (hit.snippet() != null && !hit.snippet().isBlank()) {
                line.append('\n').append(escape(hit.snippet()));
            }
            lines.add(line.toString());
        }
        return EmbedPacker.pack(List.of(new Lines("Search: " + escape(r.query()), lines)), List.of());
    }

    private static String storyLine(int n, String headline, String storyId, int outlets, int divergences) {
        StringBuilder line = new StringBuilder("**").append(n).append(". ")
                .append(escape(headline.isBlank() ? "Story " + storyId : headline)).append("** · ")
                .append(outlets).append(outlets == 1 ? " outlet" : " outlets");
        if (divergences > 0) {
            line.append(" · ").append(divergences).append(divergences == 1 ? " divergence" : " divergences");
        }
        return line.append(" · ").append(DiscordMarkdown.code(storyId)).toString();
    }
}
