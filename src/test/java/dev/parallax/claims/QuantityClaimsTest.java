package dev.parallax.claims;

import static dev.parallax.claims.ClaimsFixture.article;
import static dev.parallax.claims.ClaimsFixture.claims;
import static dev.parallax.claims.ClaimsFixture.compare;
import static dev.parallax.claims.ClaimsFixture.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parallax.model.Article;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuantityClaimsTest {

    private static ClaimValue.Amount count(String sentence) {
        List<Claim> counts = of(claims(article("a", sentence)), ClaimKind.COUNT);
        assertThat(counts).as(sentence).hasSize(1);
        return (ClaimValue.Amount) counts.get(0).value();
    }

    @Test
    @DisplayName("vague quantities become ranges: about 20 is 16-24, over 20 is more than 20, a dozen about 12")
    void vagueQuantities() {
        ClaimValue.Amount about = count("About 20 leaders attended the summit in Tianjin.");
        ClaimValue.Amount over = count("Leaders from over 20 countries attended the summit.");
        ClaimValue.Amount dozen = count("A dozen leaders attended the summit.");
        ClaimValue.Amount twoDozen = count("Some two dozen leaders watched the parade.");

        assertThat(about.low()).isCloseTo(16, within(1e-9));
        assertThat(about.high()).isCloseTo(24, within(1e-9));
        assertThat(over.low()).isEqualTo(21);
        assertThat(over.high()).isInfinite();
        assertThat(dozen.low()).isCloseTo(9.6, within(1e-9));
        assertThat(dozen.high()).isCloseTo(14.4, within(1e-9));
        assertThat(twoDozen.low()).isCloseTo(19.2, within(1e-9));
        assertThat(twoDozen.high()).isCloseTo(28.8, within(1e-9));
        assertThat(about.unit()).isEqualTo("participants");
    }

    @Test
    @DisplayName("overlapping ranges agree; a dozen against about 20 diverges")
    void rangesOverlap() {
        Article over = article("a", "Leaders from over 20 countries attended the summit.");
        Article about = article("b", "About 20 leaders attended the summit.");
        ClaimComparison c = compare(over, about, article("c", "A dozen leaders attended the summit."));

        assertThat(c.divergences()).singleElement().satisfies(d -> assertThat(d.values())
                .extracting(Divergence.Side::value)
                .containsExactlyInAnyOrder("over 20 countries", "About 20 leaders", "A dozen leaders"));
        ClaimComparison agree = compare(over, about);
        assertThat(agree.divergences()).isEmpty();
        assertThat(agree.agreements()).anySatisfy(a -> assertThat(a.sources()).containsExactly("a", "b"));
    }

    @Test
    @DisplayName("money keeps its currency and scale, and a rounded figure agrees with the precise one")
    void moneyAndRounding() {
        List<Claim> money = of(claims(article("a", "China approved a 300 billion yuan stimulus package on Monday.")),
                ClaimKind.MONEY);
        assertThat(money).singleElement().satisfies(m -> {
            ClaimValue.Amount v = (ClaimValue.Amount) m.value();
            assertThat(v.unit()).isEqualTo("CNY");
            // "300 billion" may be rounded to the hundred billion: 250 to 350 billion
            assertThat(v.low()).isGreaterThan(2.49e11).isLessThan(2.51e11);
            assertThat(v.high()).isGreaterThan(3.49e11).isLessThan(3.51e11);
        });

        Article precise = article("a", "The House passed a $1.37 trillion spending package on Tuesday.");
        ClaimComparison rounded = compare(precise,
                article("b", "The House approved a $1.4 trillion spending package on Tuesday."));
        ClaimComparison different = compare(precise,
                article("b", "The House approved a $1.9 trillion spending package on Tuesday."));

        assertThat(rounded.divergences()).isEmpty();
        assertThat(different.divergences()).singleElement()
                .satisfies(d -> assertThat(d.about()).isEqualTo("amount of the spending package"));
    }

    @Test
    @DisplayName("percentages: 12% and 13% differ, but changes against different baselines are never compared")
    void percentages() {
        Article rise = article("a", "Gun background checks rose in March, a 36% increase from February.");
        ClaimComparison sameBase = compare(rise,
                article("b", "Gun background checks rose in March, a 25% increase from February."));
        ClaimComparison otherBase = compare(rise,
                article("b", "Gun background checks rose in March, a 25% increase from March 2020."));

        assertThat(sameBase.divergences()).hasSize(1);
        assertThat(otherBase.divergences()).isEmpty();
    }

    @Test
    @DisplayName("a toll 'including the gunman' may count him; a forecast never diverges from the figure")
    void tollsAndForecasts() {
        ClaimComparison toll = compare(
                article("a", "The gunman killed three people in the shooting at the festival."),
                article("b", "Four people were killed in the shooting at the festival, including the gunman."));
        ClaimComparison forecast = compare(
                article("a", "The economy added 943,000 jobs in July."),
                article("b", "Economists surveyed by Reuters had been expecting 845,000 jobs in July."));

        assertThat(toll.divergences()).isEmpty();
        assertThat(toll.agreements()).anySatisfy(a -> assertThat(a.sources()).containsExactlyInAnyOrder("a", "b"));
        assertThat(forecast.divergences()).isEmpty();
    }

    @Test
    @DisplayName("lengths and ordinals: a four-day visit is 4 days; an 80th anniversary is the 80th")
    void lengthsAndOrdinals() {
        List<Claim> all = claims(article("a",
                "Putin began a four-day visit to China. The parade marks the 80th anniversary of the war's end."));

        assertThat(of(all, ClaimKind.DURATION)).singleElement()
                .satisfies(c -> assertThat(c.value().canonical()).isEqualTo("4 days"));
        assertThat(of(all, ClaimKind.ORDINAL)).singleElement()
                .satisfies(c -> {
                    assertThat(c.value().canonical()).isEqualTo("80 th");
                    assertThat(c.about()).isEqualTo("anniversary of the war's end");
                    assertThat(c.singleValued()).isTrue();
                });
    }
}
