package dev.parallax.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    @DisplayName("90s, 10m, 1h30m and 2d read as people mean them, and print back the same way")
    void roundTrip() {
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("2D")).isEqualTo(Duration.ofDays(2));
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    }

    @Test
    @DisplayName("anything else is one clear error")
    void rejects() {
        assertThatThrownBy(() -> Durations.parse("10")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("ten minutes")).hasMessageContaining("90s, 10m");
    }
}
