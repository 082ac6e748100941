package dev.parallax.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.chat.Delivery;
import dev.parallax.chat.discord.DiscordMessage.Embed;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeliveryMarksTest {
    private static final String KEY = "discord:1111|2025-09-01T08:00:00Z|story|s1";

    @Test
    @DisplayName("each part carries the key's token and its number: in the last embed's footer, or a subtext line")
    void marksEveryPart() {
        List<DiscordMessage> marked = DeliveryMarks.mark(List.of(
                new DiscordMessage("", List.of(new Embed("A", "a", List.of()), new Embed("B", "b", List.of())),
                        List.of()),
                DiscordMessage.text("Update: 1 new outlet.")), KEY);
        String token = DeliveryMarks.token(KEY);

        assertThat(token).hasSize(16).isHexadecimal().isNotEqualTo(DeliveryMarks.token(KEY + "x"));
        assertThat(marked.get(0).embeds()).extracting(Embed::footer)
                .containsExactly("", "Parallax · 1/2 · ref " + token);
        assertThat(marked.get(1).content()).isEqualTo("Update: 1 new outlet.\n-# Parallax · 2/2 · ref " + token);
        assertThat(DeliveryMarks.read(marked.get(0).embeds().get(1).footer()))
                .contains(new DeliveryMarks.Mark(token, 0, 2));
        assertThat(DeliveryMarks.read(marked.get(1).content())).contains(new DeliveryMarks.Mark(token, 1, 2));
    }

    @Test
    @DisplayName("a one-message delivery reads as part 1 of 1; text that is not our mark reads as nothing")
    void readsOnlyMarks() {
        String single = DeliveryMarks.mark(List.of(DiscordMessage.text("Hi")), KEY).get(0).content();

        assertThat(single).endsWith("\n-# Parallax · ref " + DeliveryMarks.token(KEY));
        assertThat(DeliveryMarks.read(single)).contains(new DeliveryMarks.Mark(DeliveryMarks.token(KEY), 0, 1));
        assertThat(DeliveryMarks.read("Parallax · ref 0123")).isEmpty();
        assertThat(DeliveryMarks.read("Parallax · 3/2 · ref 0123456789abcdef")).isEmpty();
        assertThat(DeliveryMarks.read("ref 0123456789abcdef, said someone")).isEmpty();
        assertThat(DeliveryMarks.read(null)).isEmpty();
    }

    @Test
    @DisplayName("deliveries leave room for the mark: marked, every message stays within Discord's limits")
    void roomForTheMark() {
        String text = "word ".repeat(3000).strip();
        List<DiscordMessage> followUp = DeliveryMarks.mark(new DiscordRenderer().delivery(
                new Delivery.FollowUp("s1", text)), KEY);
        List<DiscordMessage> header = DeliveryMarks.mark(new DiscordRenderer().delivery(
                new Delivery.DigestHeader("Digest", IntStream.range(0, 300)
                        .mapToObj(i -> new Delivery.StoryLine("s" + i, "Headline number " + i
                                + " about something long enough to fill the embeds", 3, 1)).toList())), KEY);

        assertThat(followUp).allSatisfy(m -> assertThat(m.content().length()).isLessThanOrEqualTo(2000));
        assertThat(header).hasSizeGreaterThan(1)
                .allSatisfy(m -> assertThat(m.embedLength()).isLessThanOrEqualTo(DiscordLimits.EMBED_TOTAL));
    }
}
