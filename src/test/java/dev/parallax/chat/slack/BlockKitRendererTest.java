package dev.parallax.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import dev.parallax.chat.CommandReply;
import dev.parallax.chat.Delivery;
import dev.parallax.claims.Agreement;
import dev.parallax.digest.StoryBrief;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BlockKitRendererTest {
    private final BlockKitRenderer renderer = new BlockKitRenderer(new BlockFitter());

    private static String text(LayoutBlock b) {
        if (b instanceof SectionBlock s) {
            return s.getText().getText();
        }
        if (b instanceof ContextBlock c) {
            return ((MarkdownTextObject) c.getElements().get(0)).getText();
        }
        return b instanceof HeaderBlock h ? h.getText().getText() : b.getType();
    }

    private List<String> texts(CommandReply reply) {
        List<SlackMessage> messages = renderer.reply(reply);
        assertThat(messages).hasSize(1);
        return messages.get(0).blocks().stream().map(BlockKitRendererTest::text).toList();
    }

    @Test
    @DisplayName("story overview: the thread message plus a timeline of dated articles (each reader sees local time) and buttons")
    void overviewTimeline() {
        List<String> texts = texts(new CommandReply.StoryView(SlackDeliveryTest.smallStory(),
                CommandReply.Focus.OVERVIEW, true));

        assertThat(texts).contains("*Timeline*\n• <!date^1756620000^{date_short_pretty} {time}|31 Aug 2025 06:00 UTC>"
                + " <https://planet.example/visit|[1]> Daily Planet: Visit begins");
        assertThat(texts.get(texts.size() - 1)).isEqualTo("actions");
    }

    @Test
    @DisplayName("sources: each outlet with its linked title and time")
    void sources() {
        assertThat(texts(new CommandReply.StoryView(SlackDeliveryTest.smallStory(), CommandReply.Focus.SOURCES, true)))
                .containsExactly("Leader arrives for summit", "Sources · Story `s0123abcd` · 2 outlets · 1 divergence",
                        "<https://planet.example/visit|[1]> *Daily Planet*: <https://planet.example/visit|Visit begins>"
                                + " · <!date^1756620000^{date_short_pretty} {time}|31 Aug 2025 06:00 UTC>\n"
                                + "<https://bugle.example/lands?id=7&x=1|[2]> *The Bugle*:"
                                + " <https://bugle.example/lands?id=7&x=1|Leader lands>");
    }

    @Test
    @DisplayName("claims: every quote of every side, with its outlet; agreements with their source counts;"
            + " single-source claims apart, each with its outlet")
    void claims() {
        assertThat(texts(new CommandReply.StoryView(SlackDeliveryTest.smallStory(), CommandReply.Focus.CLAIMS, true)))
                .containsSubsequence("*Day the leader arrived*\n• *Sunday* · 1 source\n> “He arrived on Sunday.” —"
                                + " <https://planet.example/visit|[1]> Daily Planet\n• *Thursday* · 1 source\n"
                                + "> “He landed on &lt;Thursday&gt;.” — <https://bugle.example/lands?id=7&x=1|[2]> The Bugle",
                        "*Sources agree*\n• Length of the visit: *4 days* · 2 sources"
                                + " <https://planet.example/visit|[1]><https://bugle.example/lands?id=7&x=1|[2]>",
                        "*Only one source says*\n• Number of delegates: *40 delegates* —"
                                + " <https://bugle.example/lands?id=7&x=1|[2]> The Bugle");
    }

    @Test
    @DisplayName("single-source claims are never listed as agreements: a story's thread message shows five and a count,"
            + " the claims view all of them")
    void singleSourceClaimsApart() {
        StoryBrief s = SlackDeliveryTest.smallStory();
        List<Agreement> claims = new ArrayList<>(List.of(s.agreements().get(0)));
        for (int i = 1; i <= 7; i++) {
            claims.add(new Agreement("claim " + i, "value " + i, List.of(i % 2 == 0 ? "a2" : "a1"), List.of("q" + i)));
        }
        StoryBrief many = new StoryBrief(s.id(), s.headline(), s.articles(), s.summary(), claims, s.divergences());

        List<String> thread = renderer.delivery(new Delivery.Story(many)).get(0).blocks().stream()
                .map(BlockKitRendererTest::text).toList();
        List<String> detail = texts(new CommandReply.StoryView(many, CommandReply.Focus.CLAIMS, true));

        assertThat(thread).contains("*Sources agree*\n• Length of the visit: 4 days"
                + " <https://planet.example/visit|[1]><https://bugle.example/lands?id=7&x=1|[2]>");
        assertThat(thread).filteredOn(t -> t.startsWith("*Only one source says*")).singleElement()
                .isEqualTo("*Only one source says*\n• Claim 1: value 1 <https://planet.example/visit|[1]>\n"
                        + "• Claim 2: value 2 <https://bugle.example/lands?id=7&x=1|[2]>\n"
                        + "• Claim 3: value 3 <https://planet.example/visit|[1]>\n"
                        + "• Claim 4: value 4 <https://bugle.example/lands?id=7&x=1|[2]>\n"
                        + "• Claim 5: value 5 <https://planet.example/visit|[1]>\n• … and 2 more");
        assertThat(detail).filteredOn(t -> t.startsWith("*Sources agree*")).singleElement().asString()
                .doesNotContain("Claim");
        assertThat(detail).filteredOn(t -> t.startsWith("*Only one source says*")).singleElement().asString()
                .contains("• Claim 7: *value 7* — <https://planet.example/visit|[1]> Daily Planet")
                .doesNotContain("more");
    }

    @Test
    @DisplayName("search results, best first, and a clear line when nothing matches")
    void search() {
        assertThat(texts(new CommandReply.SearchResults("tianjin", List.of(
                new CommandReply.StoryHit("s1", "Leader arrives", 5, "in the port of\nTianjin…")))))
                .containsExactly("Stories matching “tianjin”, best first",
                        "*Leader arrives*\n`s1` · 5 outlets\n_in the port of Tianjin…_");
        assertThat(texts(new CommandReply.SearchResults("<x>", List.of())))
                .containsExactly("Nothing matches “&lt;x&gt;”. Try fewer or other words.");
    }

    @Test
    @DisplayName("a problem is one warning line, escaped; a headline too long for a header is a bold section, whole")
    void problemAndLongHeadline() {
        assertThat(texts(new CommandReply.Problem("No story matches \"<b>\"."))).containsExactly(
                ":warning: No story matches \"&lt;b&gt;\".");
        StoryBrief s = SlackDeliveryTest.smallStory();
        String longHeadline = "A very long headline ".repeat(10).strip();
        List<String> texts = texts(new CommandReply.StoryView(new StoryBrief(s.id(), longHeadline, s.articles(),
                s.summary(), s.agreements(), s.divergences()), CommandReply.Focus.SOURCES, true));
        assertThat(texts.get(0)).isEqualTo("*" + longHeadline + "*");
    }
}
