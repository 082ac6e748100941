package dev.parallax.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TopicFilterTest {
    private static final String TEXT = "Russian President Vladimir Putin arrived in the port city of Tianjin; "
            + "climate-change talks are not on the agenda.";

    @Test
    @DisplayName("no topics lets everything through")
    void empty() {
        assertThat(new TopicFilter(List.of(), List.of()).matches(TEXT)).isTrue();
    }

    @Test
    @DisplayName("topics are whole words, case-insensitive: 'art' does not match 'party', 'putin' matches 'Putin'")
    void wholeWords() {
        assertThat(new TopicFilter(List.of("putin"), List.of()).matches(TEXT)).isTrue();
        assertThat(new TopicFilter(List.of("art"), List.of()).matches("a party in the park")).isFalse();
        assertThat(new TopicFilter(List.of("russia"), List.of()).matches(TEXT)).isFalse();
    }

    @Test
    @DisplayName("a trailing * matches any ending, and phrases match as consecutive words")
    void prefixesAndPhrases() {
        assertThat(new TopicFilter(List.of("russia*"), List.of()).matches(TEXT)).isTrue();
        assertThat(new TopicFilter(List.of("port city"), List.of()).matches(TEXT)).isTrue();
        assertThat(new TopicFilter(List.of("climate change"), List.of()).matches(TEXT)).isTrue();
        assertThat(new TopicFilter(List.of("city port"), List.of()).matches(TEXT)).isFalse();
    }

    @Test
    @DisplayName("one include topic is enough; any exclude topic drops the story, even when an include matches")
    void includeAndExclude() {
        assertThat(new TopicFilter(List.of("cricket", "tianjin"), List.of()).matches(TEXT)).isTrue();
        assertThat(new TopicFilter(List.of("tianjin"), List.of("putin")).matches(TEXT)).isFalse();
        assertThat(new TopicFilter(List.of(), List.of("cricket")).matches(TEXT)).isTrue();
        assertThat(new TopicFilter(List.of(" ", "*"), List.of()).matches(TEXT)).isFalse();
    }
}
