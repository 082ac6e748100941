package dev.parallax.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parallax.schedule.InstanceSettings;
import dev.parallax.schedule.QuartzStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database and instance settings as the shipped configuration files and the command line set them. */
class ClusterConfigTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("the example config is one SQLite process; the cluster config is PostgreSQL with a clustered scheduler")
    void shippedConfigs() {
        ParallaxConfig single = ParallaxConfig.load(Path.of("config", "parallax.toml"));
        ParallaxConfig cluster = ParallaxConfig.load(Path.of("config", "cluster.toml"));

        assertThat(single.database().shared()).isFalse();
        assertThat(single.database().url()).isEqualTo("jdbc:sqlite:data/parallax.db");
        assertThat(single.instances()).isEqualTo(InstanceSettings.defaults());
        assertThat(single.instances().quartzStore(false, null)).isInstanceOf(QuartzStore.InMemory.class);
        assertThat(cluster.database().shared()).isTrue();
        assertThat(cluster.database().url()).startsWith("jdbc:postgresql://postgres:5432/parallax");
        assertThat(cluster.instances().quartzStore(true, null)).isInstanceOf(QuartzStore.Clustered.class);
        assertThat(cluster.run().opsHost()).isEqualTo("0.0.0.0");
    }

    @Test
    @DisplayName("--db takes a SQLite file or a JDBC URL; [scheduler] sets the check-in and the lease; bad values say which key")
    void overridesAndErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("p.toml"), """
                [database]
                pool_size = 3
                [scheduler]
                instance_id = "node-7"
                checkin_interval_seconds = 5
                outbox_lease_seconds = 20
                """);
        ParallaxConfig config = ParallaxConfig.load(file);
        Files.writeString(dir.resolve("bad.toml"), "[scheduler]\ncheckin_interval_seconds = 0\n");

        assertThat(config.withDatabase("jdbc:postgresql://h/db").database().poolSize()).isEqualTo(3);
        assertThat(config.withDatabase("jdbc:postgresql://h/db").database().shared()).isTrue();
        assertThat(config.withDatabase("x/p.db").database().url()).isEqualTo("jdbc:sqlite:x/p.db");
        assertThat(config.instances()).isEqualTo(new InstanceSettings("node-7", Duration.ofSeconds(5),
                Duration.ofSeconds(20)));
        assertThatThrownBy(() -> ParallaxConfig.load(dir.resolve("bad.toml")))
                .hasMessageContaining("scheduler.checkin_interval_seconds must be at least 1");
    }
}
