package dev.parallax.chat.console;

import dev.parallax.chat.Delivery;
import dev.parallax.digest.MarkdownRenderer;

/** A delivery as Markdown, for the console and file channels. */
final class DeliveryMarkdown {
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    String render(Delivery delivery) {
        StringBuilder out = new StringBuilder();
        Delivery.Content content = delivery.content();
        if (content instanceof Delivery.DigestHeader h) {
            out.append("# ").append(h.title()).append("\n\n");
            for (Delivery.StoryLine line : h.stories()) {
                out.append("- ").append(line.headline()).append(" (`").append(line.storyId()).append("`, ")
                        .append(line.outlets()).append(line.outlets() == 1 ? " outlet" : " outlets");
                if (line.divergences() > 0) {
                    out.append(", ").append(line.divergences())
                            .append(line.divergences() == 1 ? " divergence" : " divergences");
                }
                out.append(")\n");
            }
        } else if (content instanceof Delivery.Story s) {
            renderer.renderStory(s.brief(), out);
        } else if (content instanceof Delivery.FollowUp f) {
            out.append("> ").append(f.text()).append('\n');
        }
        return out.toString();
    }
}
