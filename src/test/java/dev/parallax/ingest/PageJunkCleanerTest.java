package dev.parallax.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.Seeds;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PageJunkCleanerTest {
    private final PageJunkCleaner cleaner = new PageJunkCleaner();

    @Test
    @DisplayName("a comment widget and the donation block after it are cut, the article before it kept")
    void commentWidgetAndDonationBlock() {
        String cleaned = cleaner.clean(Seeds.read("000"));

        assertThat(cleaned).doesNotContain("Notify of", "0 Comments", "Inline Feedbacks", "Would love your thoughts",
                "prefered mode of payment", "LWCAN", "partnership@");
        assertThat(cleaned.lines()).doesNotContain("Subscribe", "guest", "Oldest", "Give", "x", "()", "0");
        assertThat(cleaned).contains("Security is tight in Tianjin",
                "The SCO meetings will continue through Wednesday");
    }

    @Test
    @DisplayName("navigation, repeated teasers and 'Read also / Latest' go; the headline-like teaser stays once")
    void skipLinksTeasersAndReadAlso() {
        String cleaned = cleaner.clean(Seeds.read("004"));

        assertThat(cleaned).doesNotContain("Skip to content", "Read also", "western adversaries, including Moscow");
        assertThat(cleaned.lines()).doesNotContain("Latest");
        assertThat(cleaned.lines().filter(l -> l.startsWith("Moscow and its allies asserting resilience")))
                .containsExactly("Moscow and its allies asserting resilience against Western influence through various"
                        + " demonstrations of resistance");
        assertThat(cleaned).contains("Putin is also slated to be the guest of honor at a military parade");
    }

    @Test
    @DisplayName("video lengths and bullet markers go, the bulleted sentences stay")
    void videoLengthsAndBullets() {
        String cleaned = cleaner.clean(Seeds.read("002"));

        assertThat(cleaned.lines()).doesNotContain("0:39");
        assertThat(cleaned.lines()).noneMatch(l -> l.startsWith("- "));
        assertThat(cleaned).contains("The Beijing summit featured meticulously planned demonstrations of solidarity");
    }

    @Test
    @DisplayName("a stray 'Today' at the end of the page goes")
    void strayTrailingLabel() {
        String cleaned = cleaner.clean(Seeds.read("003"));

        assertThat(cleaned.lines().reduce((a, b) -> b)).hasValueSatisfying(last -> assertThat(last)
                .startsWith("Putin is expected to attend the ceremony"));
    }

    @Test
    @DisplayName("an article without junk comes out with every paragraph intact")
    void cleanArticleUntouched() {
        String text = "First paragraph of the report, with a full sentence.\nSecond paragraph says more.";

        assertThat(cleaner.clean(text)).isEqualTo(text);
        assertThat(Arrays.asList(cleaner.clean("Body line one.\n\n\nBody line two.").split("\n")))
                .containsExactly("Body line one.", "Body line two.");
    }
}
