package dev.parallax.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextChunksTest {
    @Test
    @DisplayName("cuts at line ends first, keeps every character, and respects the limit")
    void linesFirst() {
        String text = "first line here\nsecond line here\nthird line here";

        List<String> chunks = TextChunks.split(text, 36);

        assertThat(chunks).containsExactly("first line here\nsecond line here\n", "third line here");
        assertThat(String.join("", chunks)).isEqualTo(text);
    }

    @Test
    @DisplayName("a long line is cut at a space; a run with no space at all is cut hard, still losing nothing")
    void spacesThenHard() {
        String words = "alpha beta gamma delta epsilon zeta eta theta";
        String run = "x".repeat(50);

        assertThat(TextChunks.split(words, 20)).containsExactly("alpha beta gamma ", "delta epsilon zeta ",
                "eta theta");
        assertThat(TextChunks.split(run, 20)).containsExactly("x".repeat(20), "x".repeat(20), "x".repeat(10));
    }

    @Test
    @DisplayName("never inside a link, an entity or a surrogate pair")
    void neverInsideMarkup() {
        String link = "read <https://example.com/path|the story> today please";
        String entity = "aaaaaaaaaaaaaaaaa&amp;bbbb";
        String emoji = "aaaaaaaaaaaaaaa😀bbbb";

        assertThat(TextChunks.split(link, 40)).containsExactly("read ", "<https://example.com/path|the story> ",
                "today please");
        assertThat(TextChunks.split(entity, 20)).containsExactly("aaaaaaaaaaaaaaaaa", "&amp;bbbb");
        assertThat(TextChunks.split(emoji, 16)).containsExactly("aaaaaaaaaaaaaaa", "😀bbbb");
    }
}
