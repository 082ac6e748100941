package dev.parallax.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.SeedStories;
import dev.parallax.claims.Agreement;
import dev.parallax.claims.Divergence;
import dev.parallax.model.Article;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedDivergenceTest {
    private static final String A000 = "000_67adb8930fa7d8e1";
    private static final String A001 = "001_8f5c3189fb804535";
    private static final String A002 = "002_b4d30f8484f94e3b";
    private static final String A003 = "003_39b290ac2c380dd3";
    private static final String A004 = "004_09d4fba5f342163e";

    private StoryBrief brief;

    @BeforeAll
    void analyseSeeds() {
        brief = SeedStories.brief();
    }

    @Test
    @DisplayName("divergence: the day Putin arrived, Sunday in two articles and Thursday in another")
    void arrivalDay() {
        Divergence d = divergence("day Putin arrived").orElseThrow();

        assertThat(sides(d)).containsOnlyKeys("Sunday", "Thursday");
        assertThat(sides(d).get("Sunday")).containsExactlyInAnyOrder(A000, A003);
        assertThat(sides(d).get("Thursday")).containsExactly(A001);
        assertThat(d.values()).allSatisfy(side -> assertThat(side.quotes()).hasSameSizeAs(side.sources()));
        assertThat(d.values().get(1).quotes().get(0)).contains("landed").contains("Thursday");
    }

    @Test
    @DisplayName("divergence: how many leaders attend the summit, without the parade's two dozen")
    void summitAttendance() {
        Divergence d = divergence("number of leaders or countries at the summit").orElseThrow();

        assertThat(sides(d)).containsOnlyKeys("over 20 countries", "about 20 leaders", "among a dozen leaders");
        assertThat(sides(d).get("over 20 countries")).containsExactly(A000);
        assertThat(sides(d).get("about 20 leaders")).containsExactly(A001);
        assertThat(sides(d).get("among a dozen leaders")).containsExactly(A003);
        assertThat(brief.divergences()).noneSatisfy(x -> assertThat(x.values())
                .anySatisfy(side -> assertThat(side.value()).contains("two dozen")));
    }

    @Test
    @DisplayName("divergence: the summit's city, Tianjin against 'the Beijing summit'; the Beijing parade is no divergence")
    void summitCity() {
        Divergence d = divergence("place of the summit").orElseThrow();

        assertThat(sides(d)).containsOnlyKeys("Tianjin", "Beijing");
        assertThat(sides(d).get("Beijing")).containsExactly(A002);
        assertThat(sides(d).get("Tianjin")).contains(A000, A003).doesNotContain(A002);
        assertThat(divergence("place of the parade")).isEmpty();
        assertThat(agreement("place of the parade")).hasValueSatisfying(a -> assertThat(a.value()).isEqualTo("Beijing"));
    }

    @Test
    @DisplayName("agreement: the visit lasts four days, backed by every article that says so")
    void visitLength() {
        Agreement a = agreement("length of the visit").orElseThrow();

        assertThat(a.value()).isEqualTo("4 days");
        assertThat(a.sources()).containsExactlyInAnyOrder(A000, A001, A003, A004);
    }

    @Test
    @DisplayName("nothing else is reported as a divergence")
    void noOtherDivergence() {
        assertThat(brief.divergences()).extracting(Divergence::about).containsExactlyInAnyOrder(
                "day Putin arrived", "number of leaders or countries at the summit", "place of the summit");
    }

    @Test
    @DisplayName("every summary sentence is a sentence of the article it names first")
    void summaryIsAttributed() {
        assertThat(brief.summary()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.sources()).isNotEmpty();
            Article first = brief.articles().stream().filter(a -> a.id().equals(s.sources().get(0))).findFirst()
                    .orElseThrow();
            assertThat(first.body()).contains(s.text());
        });
        assertThat(brief.headline()).isNotBlank();
    }

    private Optional<Divergence> divergence(String about) {
        return brief.divergences().stream().filter(d -> d.about().equals(about)).findFirst();
    }

    private Optional<Agreement> agreement(String about) {
        return brief.agreements().stream().filter(a -> a.about().equals(about)).findFirst();
    }

    private static Map<String, List<String>> sides(Divergence d) {
        return d.values().stream().collect(Collectors.toMap(Divergence.Side::value, Divergence.Side::sources));
    }
}
