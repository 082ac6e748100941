package dev.parallax.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.chat.discord.DiscordMessage.Button;
import dev.parallax.chat.discord.DiscordMessage.Embed;
import dev.parallax.chat.discord.DiscordMessage.Field;
import dev.parallax.chat.discord.EmbedPacker.Fields;
import dev.parallax.chat.discord.EmbedPacker.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Discord's limits, exactly at them and one past: 4,096, 1,024, 25 fields, 10 embeds, 6,000 chars, 256. */
class EmbedPackerTest {
    private static final List<Button> BUTTONS = List.of(new Button("parallax:claims|s1", "Where sources differ"));

    @Test
    @DisplayName("a description of exactly 4,096 chars is one embed; one char more continues in a second")
    void descriptionLimit() {
        String full = "a".repeat(4096);

        List<DiscordMessage> exact = EmbedPacker.pack(List.of(new Lines("T", List.of(full))), List.of());
        List<DiscordMessage> over = EmbedPacker.pack(List.of(new Lines("T", List.of(full.substring(1), "bc"))),
                List.of());

        assertThat(exact).singleElement().satisfies(m -> assertThat(m.embeds()).singleElement()
                .satisfies(e -> assertThat(e.description()).isEqualTo(full)));
        List<Embed> embeds = over.stream().flatMap(m -> m.embeds().stream()).toList();
        assertThat(embeds).extracting(Embed::title).containsExactly("T", "T (continued)");
        assertThat(embeds).extracting(Embed::description).containsExactly(full.substring(1), "bc");
    }

    @Test
    @DisplayName("a field value of exactly 1,024 chars is one field; longer goes on in a continued field")
    void fieldLimit() {
        String exact = "v".repeat(1024);
        String longer = "side one\n" + "w".repeat(1020);

        Embed one = EmbedPacker.pack(List.of(new Fields("Differ", List.of(new Field("Day", exact)))), List.of())
                .get(0).embeds().get(0);
        Embed two = EmbedPacker.pack(List.of(new Fields("Differ", List.of(new Field("Day", longer)))), List.of())
                .get(0).embeds().get(0);

        assertThat(one.fields()).containsExactly(new Field("Day", exact));
        assertThat(two.fields()).containsExactly(new Field("Day", "side one"), new Field("Day (continued)",
                "w".repeat(1020)));
    }

    @Test
    @DisplayName("25 fields fit in one embed, the 26th opens a continued embed")
    void fieldCountLimit() {
        List<Field> fields = IntStream.range(0, 26).mapToObj(i -> new Field("f" + i, "v")).toList();

        List<Embed> embeds = EmbedPacker.pack(List.of(new Fields("Differ", fields)), List.of()).get(0).embeds();

        assertThat(embeds).extracting(e -> e.fields().size()).containsExactly(25, 1);
        assertThat(embeds.get(1).title()).isEqualTo("Differ (continued)");
    }

    @Test
    @DisplayName("10 embeds fill a message; the 11th section starts the next message")
    void embedCountLimit() {
        List<Lines> sections = IntStream.range(0, 11).mapToObj(i -> new Lines("S" + i, List.of("x"))).toList();

        List<DiscordMessage> messages = EmbedPacker.pack(sections, BUTTONS);

        assertThat(messages).extracting(m -> m.embeds().size()).containsExactly(10, 1);
        assertThat(messages.get(0).buttons()).isEqualTo(BUTTONS);
        assertThat(messages.get(1).buttons()).isEmpty();
    }

    @Test
    @DisplayName("no message carries more than 6,000 chars of embeds; exactly 6,000 still fits")
    void totalLimit() {
        // Two sections of title "A"/"B" and 2,999 chars each: 6,000 in all, one message.
        List<DiscordMessage> exact = EmbedPacker.pack(List.of(new Lines("A", List.of("a".repeat(2999))),
                new Lines("B", List.of("b".repeat(2999)))), List.of());
        List<DiscordMessage> over = EmbedPacker.pack(List.of(new Lines("A", List.of("a".repeat(2999))),
                new Lines("B", List.of("b".repeat(3000)))), List.of());
        List<String> units = IntStream.range(0, 40).mapToObj(i -> i + " " + "u".repeat(700)).toList();
        List<DiscordMessage> many = EmbedPacker.pack(List.of(new Lines("Long", units)), List.of());

        assertThat(exact).singleElement().satisfies(m -> assertThat(m.embedLength()).isEqualTo(6000));
        assertThat(over).hasSize(2);
        assertThat(many).allSatisfy(m -> {
            assertThat(m.embedLength()).isLessThanOrEqualTo(6000);
            assertThat(m.embeds()).allSatisfy(e -> assertThat(e.description().length()).isLessThanOrEqualTo(4096));
        });
        String joined = many.stream().flatMap(m -> m.embeds().stream()).map(Embed::description)
                .collect(Collectors.joining("\n"));
        assertThat(joined).isEqualTo(String.join("\n", units));
    }

    @Test
    @DisplayName("titles and field names are shortened to 256 with an ellipsis; continued ones stay within it too")
    void titleLimit() {
        String title = "t".repeat(300);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add("l".repeat(3000));
        }

        List<Embed> embeds = EmbedPacker.pack(List.of(new Lines(title, lines), new Fields("F",
                List.of(new Field("n".repeat(300), "v".repeat(2000))))), List.of()).stream()
                .flatMap(m -> m.embeds().stream()).toList();

        assertThat(embeds).allSatisfy(e -> {
            assertThat(e.title().length()).isLessThanOrEqualTo(256);
            assertThat(e.fields()).allSatisfy(f -> assertThat(f.name().length()).isLessThanOrEqualTo(256));
        });
        assertThat(embeds.get(0).title()).endsWith("…");
        assertThat(embeds.get(1).title()).endsWith("… (continued)");
    }

    @Test
    @DisplayName("a unit longer than a whole description is split at spaces, and nothing of it is lost")
    void hugeUnit() {
        String unit = "word ".repeat(2000).strip(); // 9,999 chars

        List<DiscordMessage> messages = EmbedPacker.pack(List.of(new Lines("Quote", List.of(unit))), List.of());

        String joined = messages.stream().flatMap(m -> m.embeds().stream()).map(Embed::description)
                .collect(Collectors.joining(" "));
        assertThat(joined).isEqualTo(unit);
        assertThat(messages).allSatisfy(m -> assertThat(m.embedLength()).isLessThanOrEqualTo(6000));
    }
}
