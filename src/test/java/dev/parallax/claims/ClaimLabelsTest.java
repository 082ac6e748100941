package dev.parallax.claims;

import static dev.parallax.claims.ClaimsFixture.article;
import static dev.parallax.claims.ClaimsFixture.claims;
import static dev.parallax.claims.ClaimsFixture.compare;
import static dev.parallax.claims.ClaimsFixture.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How a claim's subject reads ("about"), and that a claim only one source makes is shown only
 * when its subject can be stated clearly. Sentences in the style of the seed articles.
 */
class ClaimLabelsTest {
    private static List<String> lone(String body) {
        return compare(article("a", body)).agreements().stream().filter(Agreement::singleSource)
                .map(a -> a.about() + ": " + a.value()).toList();
    }

    @Test
    @DisplayName("a verb's event reads with its whole actor and its object: the media that hailed, the leader who met")
    void actorsAndObjects() {
        assertThat(lone("Earlier this week, Chinese state media hailed the summit as a chance to reduce dependency."))
                .containsExactly("day Chinese state media hailed the summit: earlier this week");
        assertThat(lone("The Indian leader met with Xi on Sunday in his first trip to China in seven years."))
                .contains("day the Indian leader met with Xi: Sunday");
        assertThat(lone("Ahead of his arrival, Putin on Saturday praised relations between Moscow and Beijing."))
                .containsExactly("day Putin praised relations: Saturday");
        assertThat(lone("On Monday, Modi highlighted his ties with both his host and the Russian leader."))
                .containsExactly("day Modi highlighted his ties: Monday");
    }

    @Test
    @DisplayName("an anniversary reads with what it is of, as written; a figure reads as what it is the figure of")
    void ordinalsAndPercentages() {
        assertThat(lone("The parade marks the 80th anniversary of Japan's formal surrender at the end of the war."))
                .containsExactly("anniversary of Japan's formal surrender: 80th anniversary");
        assertThat(lone("Trump's whopping 50% tariff on India has soured ties with Modi."))
                .containsExactly("tariff on India: 50%");
    }

    @Test
    @DisplayName("a lone claim whose subject cannot be stated is left out: no actor, no 'of what', a cut-off noun,"
            + " a war taken for a place, a date inside someone's quoted words")
    void unclearLoneClaimsAreLeftOut() {
        assertThat(lone("Bilateral commerce surpassed $300 billion in 2024, fueled by energy exports.")).isEmpty();
        assertThat(lone("Now in its 25th year, the annual summit comes days before a parade.")).isEmpty();
        assertThat(lone("The SCO has grown, along with 16 observer and dialogue partners.")).isEmpty();
        assertThat(lone("The original organisation picked up four new members with the addition of India.")).isEmpty();
        assertThat(lone("For Putin, the summit provides a stage to show on Sunday that Russia is not isolated."))
                .isEmpty();
        List<Claim> war = claims(article("a", "The parade commemorates the victory in the Second World War."));
        assertThat(of(war, ClaimKind.PLACE)).isEmpty();
        assertThat(lone("“During the meetings scheduled for today and tomorrow, I will inform my colleagues,”"
                + " Putin said.")).singleElement().asString().startsWith("what Putin said: “During the meetings");
    }

    @Test
    @DisplayName("precision applies to lone claims only: the same unclear claim in two outlets still shows they agree")
    void backedClaimsStay() {
        ClaimComparison both = compare(
                article("a", "Bilateral commerce surpassed $300 billion in 2024, fueled by energy exports."),
                article("b", "Bilateral commerce surpassed $300 billion in 2024, the ministry said."));

        assertThat(both.agreements()).filteredOn(a -> a.value().equals("2024")).singleElement()
                .satisfies(a -> assertThat(a.sources()).containsExactly("a", "b"));
    }
}
