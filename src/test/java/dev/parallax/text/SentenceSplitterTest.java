package dev.parallax.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    @DisplayName("titles, initials and 'v.' do not end a sentence")
    void titles() {
        assertThat(splitter.split("Tensions between loyalists and Vermont Sen. Bernie Sanders grew. He won Nevada."))
                .containsExactly("Tensions between loyalists and Vermont Sen. Bernie Sanders grew.", "He won Nevada.");
        assertThat(splitter.split("Former Colorado Gov. John Hickenlooper joined the race on Monday."))
                .hasSize(1);
        assertThat(splitter.split("The case, California v. Texas, was argued. It was close.")).hasSize(2);
    }

    @Test
    @DisplayName("a month abbreviation before a day number does not end a sentence; one at the end does")
    void months() {
        assertThat(splitter.split("The memos were dated Jan. 29 and Feb. 23, the report said. Nobody replied."))
                .containsExactly("The memos were dated Jan. 29 and Feb. 23, the report said.", "Nobody replied.");
    }

    @Test
    @DisplayName("ordinary sentence ends, and paragraphs, still split")
    void ordinary() {
        assertThat(splitter.split("Prices rose in the U.S. this year. Wages did not.\nA new paragraph starts here."))
                .hasSize(3);
    }
}
