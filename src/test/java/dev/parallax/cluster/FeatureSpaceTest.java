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
    void negativePriorIsRefused() {
        assertThatThrownBy(() -> new FeatureSpace(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }
}
