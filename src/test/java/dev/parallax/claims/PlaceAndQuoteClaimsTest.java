package dev.parallax.claims;

import static dev.parallax.claims.ClaimsFixture.article;
import static dev.parallax.claims.ClaimsFixture.claims;
import static dev.parallax.claims.ClaimsFixture.compare;
import static dev.parallax.claims.ClaimsFixture.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlaceAndQuoteClaimsTest {

    @Test
    @DisplayName("two cities for one summit diverge; a city and the state the story puts it in do not")
    void places() {
        ClaimComparison cities = compare(
                article("a", "The summit was held in Tianjin."),
                article("b", "The summit was held in Shanghai."));
        ClaimComparison within = compare(
                article("a", "The debate was held in Las Vegas, Nevada, on Wednesday."),
                article("b", "The debate in Reno drew a big audience."),
                article("c", "The debate in Las Vegas drew a big audience."));

        assertThat(cities.divergences()).singleElement()
                .satisfies(d -> assertThat(d.about()).isEqualTo("place of the summit"));
        assertThat(within.divergences()).singleElement().satisfies(d -> assertThat(d.values())
                .extracting(Divergence.Side::value).containsExactlyInAnyOrder("Las Vegas", "Reno"));
        assertThat(compare(article("a", "The debate in Nevada drew a big audience."),
                article("b", "The debate in Las Vegas drew a big audience.")).divergences()).isEmpty();
    }

    @Test
    @DisplayName("countries, states and institutions are not compared as places")
    void notPlaces() {
        List<Claim> places = of(claims(article("a",
                "The states will gain votes in the Electoral College. The summit was held in China. "
                        + "The rally in Texas was loud.")), ClaimKind.PLACE);

        assertThat(places).isEmpty();
    }

    @Test
    @DisplayName("a quote is attributed to its named speaker; two outlets carrying it agree, and quotes never diverge")
    void quotes() {
        ClaimComparison c = compare(
                article("a", "“Our nation has lost a jurist of historic stature,” Chief Justice John Roberts said."),
                article("b", "“Our Nation has lost a jurist of historic stature,” said Chief Justice John Roberts."),
                article("c", "Roberts said: “She was a tireless and resolute champion of justice.”"));

        assertThat(c.divergences()).isEmpty();
        assertThat(c.agreements()).anySatisfy(a -> {
            assertThat(a.about()).isEqualTo("what Chief Justice John Roberts said");
            assertThat(a.value()).isEqualTo("“Our nation has lost a jurist of historic stature”");
            assertThat(a.sources()).containsExactly("a", "b");
        });
        assertThat(c.agreements()).anySatisfy(a -> {
            assertThat(a.value()).contains("tireless and resolute champion");
            assertThat(a.singleSource()).isTrue();
        });
    }

    @Test
    @DisplayName("an unnamed speaker or a short scare quote makes no quote claim")
    void unattributed() {
        List<Claim> quotes = of(claims(article("a",
                "“We will look at every option on the table,” an official said. Granholm called it “curious”.")),
                ClaimKind.QUOTE);

        assertThat(quotes).isEmpty();
    }
}
