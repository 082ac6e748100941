package dev.parallax.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextSplitterTest {
    @Test
    @DisplayName("a text that fits is one piece, even at exactly the limit")
    void fits() {
        String text = "a".repeat(2000);

        assertThat(TextSplitter.split(text, 2000)).containsExactly(text);
    }

    @Test
    @DisplayName("a long text is cut at line breaks first, and the pieces add up to the text")
    void cutsAtLines() {
        String text = ("line of forty characters, more or less.\n").repeat(100).strip();

        List<String> pieces = TextSplitter.split(text, 1000);

        assertThat(pieces).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(1000));
        assertThat(pieces).allSatisfy(p -> assertThat(p).startsWith("line").endsWith("less."));
        assertThat(String.join("\n", pieces)).isEqualTo(text);
    }

    @Test
    @DisplayName("one long line is cut at spaces; one enormous word anywhere, but never inside a surrogate pair")
    void cutsAtSpacesThenAnywhere() {
        String words = "word ".repeat(500).strip();
        String emoji = "😀".repeat(1500); // 3,000 UTF-16 chars, no break at all

        List<String> byWords = TextSplitter.split(words, 1024);
        List<String> byChars = TextSplitter.split("x" + emoji, 1024);

        assertThat(byWords).allSatisfy(p -> assertThat(p).doesNotStartWith(" ").doesNotEndWith(" ").endsWith("word"));
        assertThat(String.join(" ", byWords)).isEqualTo(words);
        assertThat(byChars).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(1024);
            assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
        });
        assertThat(String.join("", byChars)).isEqualTo("x" + emoji);
    }
}
