package dev.parallax.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeedSettingsTest {
    private static FeedSettings read(String toml) throws Exception {
        return FeedSettings.from(new TomlMapper().readTree(toml).path("feeds"));
    }

    @Test
    @DisplayName("a [feeds] section overrides what it names and keeps the defaults for the rest")
    void overrides() throws Exception {
        FeedSettings s = read("""
                [feeds]
                interval_minutes = 30
                max_concurrent_per_host = 1
                min_host_interval_ms = 0
                allow = ["10.20.0.0/16", "intranet.example"]
                """);

        assertThat(s.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.fetch().perHostConcurrency()).isEqualTo(1);
        assertThat(s.fetch().minHostInterval()).isZero();
        assertThat(read("").fetch().minHostInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.fetch().allow()).containsExactly("10.20.0.0/16", "intranet.example");
        assertThat(s.fetch().maxBodyBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(s.fetch().maxRedirects()).isEqualTo(5);
        assertThat(s.disableAfter()).isEqualTo(10);
        assertThat(read("").interval()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    @DisplayName("nonsense values are refused with the key named")
    void refusesNonsense() {
        assertThatThrownBy(() -> read("[feeds]\nmax_redirects = 50")).hasMessageContaining("max_redirects");
        assertThatThrownBy(() -> read("[feeds]\ninterval_minutes = 0")).hasMessageContaining("interval");
        assertThatThrownBy(() -> read("[feeds]\nallow = [\"10.0.0.0/40\"]")).hasMessageContaining("allow");
        assertThatThrownBy(() -> read("[feeds]\nmin_host_interval_ms = -1")).hasMessageContaining("min_host_interval");
        assertThatThrownBy(() -> read("[feeds]\nuser_agent = \"\"")).hasMessageContaining("user_agent");
    }
}
