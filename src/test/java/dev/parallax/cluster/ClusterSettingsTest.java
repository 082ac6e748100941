package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("protagonist_reports: 5 by default, 0 turns the check off, fewer than 3 a side is refused")
    void protagonistReports() {
        assertThat(ClusterSettings.defaults().protagonistReports()).isEqualTo(5);
        assertThat(ClusterSettings.from(JSON.createObjectNode().put("protagonist_reports", 0)).protagonistReports())
                .isZero();
        assertThat(ClusterSettings.from(JSON.createObjectNode().put("protagonist_reports", 8)).protagonistReports())
                .isEqualTo(8);
        assertThatThrownBy(() -> ClusterSettings.from(JSON.createObjectNode().put("protagonist_reports", 2)))
                .hasMessage("protagonist_reports must be 0 (off) or in [3, 48]: 2");
        assertThatThrownBy(() -> ClusterSettings.defaults().withProtagonistReports(49))
                .hasMessageContaining("protagonist_reports must be 0 (off)");
    }

    @Test
    @DisplayName("straggler_hold: 0.5 by default, read from the [cluster] section, a share in [0, 1]")
    void stragglerHold() {
        assertThat(ClusterSettings.defaults().hold()).isEqualTo(0.5);
        assertThat(ClusterSettings.from(JSON.createObjectNode().put("straggler_hold", 0)).hold()).isZero();
        assertThatThrownBy(() -> ClusterSettings.from(JSON.createObjectNode().put("straggler_hold", 1.5)))
                .hasMessage("straggler_hold must be in [0, 1]: 1.5");
    }
}
