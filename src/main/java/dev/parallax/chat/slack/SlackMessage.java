package dev.parallax.chat.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** One Slack message: its notification text and its blocks (at most 50). */
record SlackMessage(String text, List<LayoutBlock> blocks) {
}
