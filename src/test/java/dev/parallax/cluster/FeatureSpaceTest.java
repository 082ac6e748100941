package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeatureSpaceTest {

    // Ten reports: "paris" in all of them, "winston" in the first two only.
    private static FeatureSpace learned(int priorDocuments) {
        FeatureSpace space = new FeatureSpace(priorDocuments);
        for (int i = 0; i < 10; i++) {
            space.learn(i < 2 ? Map.of("paris", 1.0, "winston", 1.0) : Map.of("paris", 1.0));
        }
        return space;
    }

    @Test
    @DisplayName("idf is ln((documents + prior + 1) / (df + 1)) + 1")
    void idfCountsThePrior() {
        FeatureSpace plain = learned(0);
        FeatureSpace prior = learned(1_000);

        assertThat(plain.idf(plain.known("winston"))).isCloseTo(Math.log(11.0 / 3.0) + 1, within(1e-12));
        assertThat(prior.idf(prior.known("winston"))).isCloseTo(Math.log(1011.0 / 3.0) + 1, within(1e-12));
        assertThat(prior.documents()).isEqualTo(10); // the prior is assumed, not counted
    }

    @Test
    @DisplayName("with a prior, a short stream weighs a common name against a rare one as a long stream would")
    void priorFlattensAShortStreamsContrast() {
        FeatureSpace plain = learned(0);
        FeatureSpace prior = learned(1_000);
        // In ten reports "paris" (in all) weighs almost nothing against "winston"; in a long stream of
        // other news both are rare, and the prior says so.
        double plainRatio = plain.idf(plain.known("paris")) / plain.idf(plain.known("winston"));
        double priorRatio = prior.idf(prior.known("paris")) / prior.idf(prior.known("winston"));

        assertThat(plainRatio).isLessThan(0.5);
        assertThat(priorRatio).isGreaterThan(0.75).isLessThan(1.0);
    }

    @Test
    @DisplayName("with a floor, a stream shorter than the floor weighs as if it were that long; a longer one as it is")
    void floorActsOnlyOnTheStartOfAStream() {
        FeatureSpace floored = new FeatureSpace(0, 200);
        FeatureSpace plain = new FeatureSpace();
        for (int i = 0; i < 10; i++) {
            Map<String, Double> report = i < 2 ? Map.of("paris", 1.0, "winston", 1.0) : Map.of("paris", 1.0);
            floored.learn(report);
            plain.learn(report);
        }
        assertThat(floored.idf(floored.known("winston"))).isCloseTo(Math.log(201.0 / 3.0) + 1, within(1e-12));
        assertThat(floored.idf(floored.known("paris"))).isCloseTo(Math.log(201.0 / 11.0) + 1, within(1e-12));
        assertThat(floored.documents()).isEqualTo(10);

        for (int i = 10; i < 300; i++) {
            floored.learn(Map.of("budget", 1.0));
            plain.learn(Map.of("budget", 1.0));
        }
        for (String term : new String[] {"paris", "winston", "budget"}) {
            assertThat(floored.idf(floored.known(term))).as(term).isEqualTo(plain.idf(plain.known(term)));
        }
    }

    @Test
    void negativePriorIsRefused() {
        assertThatThrownBy(() -> new FeatureSpace(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> new FeatureSpace(0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }
}
