package dev.parallax.chat.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.parallax.chat.StoryButton;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns pieces into Slack blocks and messages within Slack's limits: a text longer than a block
 * may hold becomes several blocks, and more than 50 blocks become several messages. Nothing is
 * cut: every character of every piece is in some block.
 */
final class BlockFitter {
    static final int MAX_BLOCKS = 50;
    static final int MAX_TEXT = 3000;
    static final int MAX_HEADER = 150;

    private final int maxBlocks;
    private final int maxText;

    BlockFitter() {
        this(MAX_BLOCKS, MAX_TEXT);
    }

    /** Smaller limits, for tests that show the splitting on small inputs. */
    BlockFitter(int maxBlocks, int maxText) {
        if (maxBlocks < 2 || maxBlocks > MAX_BLOCKS || maxText < 16 || maxText > MAX_TEXT) {
            throw new IllegalArgumentException("limits out of Slack's range");
        }
        this.maxBlocks = maxBlocks;
        this.maxText = maxText;
    }

    /** The pieces as messages; {@code text} is each message's notification text. */
    List<SlackMessage> fit(String text, List<Piece> pieces) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Piece p : pieces) {
            blocks.addAll(blocks(p));
        }
        List<SlackMessage> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i += maxBlocks) {
            List<LayoutBlock> part = List.copyOf(blocks.subList(i, Math.min(blocks.size(), i + maxBlocks)));
            out.add(new SlackMessage(i == 0 ? text : text + " (continued)", part));
        }
        if (out.isEmpty()) {
            out.add(new SlackMessage(text, List.of()));
        }
        return out;
    }

    private List<LayoutBlock> blocks(Piece piece) {
        if (piece instanceof Piece.Header h) {
            if (h.text().length() <= MAX_HEADER) {
                return List.of(HeaderBlock.builder()
                        .text(PlainTextObject.builder().text(h.text()).emoji(true).build()).build());
            }
            // Too long for a header: the whole title in bold, rather than a cut one.
            return blocks(new Piece.Section(Mrkdwn.bold(h.text())));
        }
        if (piece instanceof Piece.Section s) {
            return TextChunks.split(s.mrkdwn(), maxText).stream()
                    .<LayoutBlock>map(t -> SectionBlock.builder().text(mrkdwn(t)).build()).toList();
        }
        if (piece instanceof Piece.Context c) {
            return TextChunks.split(c.mrkdwn(), maxText).stream()
                    .<LayoutBlock>map(t -> ContextBlock.builder().elements(List.of(mrkdwn(t))).build()).toList();
        }
        if (piece instanceof Piece.Buttons b) {
            List<BlockElement> buttons = new ArrayList<>();
            for (StoryButton button : StoryButton.values()) {
                buttons.add(ButtonElement.builder().actionId(button.actionId()).value(b.storyId())
                        .text(PlainTextObject.builder().text(button.label()).emoji(true).build()).build());
            }
            return List.of(ActionsBlock.builder().blockId("story:" + b.storyId()).elements(buttons).build());
        }
        return List.of(DividerBlock.builder().build());
    }

    private static MarkdownTextObject mrkdwn(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }
}
